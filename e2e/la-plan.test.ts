import { expect } from 'vitest';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES } from './support/visitor.ts';
import { createPerson } from './support/people.ts';
import { signInAt } from './support/sign-in.ts';
import { STARTING_TEMPLATE } from '../src/features/la-plans/plan-template.ts';
import { PlansIndexPage, RoundFormPage, StatusBoardPage } from './pages/la-plan-pages.ts';

// Each language follows its own LA (and its own round, by title), so the two journeys can run at once.
const SCENES = {
  en: {
    la: '681',
    laName: 'Cardiff',
    roundEn: 'LA plans 2027 (English journey)',
    roundCy: 'Cynlluniau ALl 2027 (taith Saesneg)',
    answer: 'Twelve clusters meet every half term.',
    revised: 'Twelve clusters, two led by special schools, meet every half term.',
    comment: 'Say how special schools take part.',
  },
  cy: {
    la: '670',
    laName: 'Abertawe',
    roundEn: 'LA plans 2027 (Welsh journey)',
    roundCy: 'Cynlluniau ALl 2027 (taith Gymraeg)',
    answer: 'Mae naw grŵp cydweithredol yn cwrdd bob hanner tymor.',
    revised: 'Mae naw grŵp cydweithredol, dau dan arweiniad ysgolion arbennig, yn cwrdd bob hanner tymor.',
    comment: 'Dywedwch sut mae ysgolion arbennig yn cymryd rhan.',
  },
} as const;

journeyTest.concurrent.for(LANGUAGES)(
  'an LA plan (%s) goes from draft to final: WG opens a round, the LA drafts and submits, WG comments and sends it back, the LA revises, WG marks it final and the LA shares it',
  async (lang, { journey }) => {
    const scene = SCENES[lang];
    const db = journey.server.db;
    const wgPerson = await createPerson(db, { role: 'wg_official', email: `wg-${lang}@example.test`, scopeId: null });
    const officerPerson = await createPerson(db, {
      role: 'la_officer',
      email: `officer-${lang}@example.test`,
      scopeId: scene.la,
    });
    const roundTitle = lang === 'cy' ? scene.roundCy : scene.roundEn;

    // Welsh Government opens the round: every LA gets a draft.
    const wg = await signInAt(journey, lang, wgPerson, '/plans/rounds/new');
    const form = new RoundFormPage(wg);
    await form.expectShown();
    await form.open({
      titleEn: scene.roundEn,
      titleCy: scene.roundCy,
      deadline: { day: 31, month: 10, year: new Date().getFullYear() + 1 },
    });
    const board = new StatusBoardPage(wg);
    await board.expectShown(roundTitle);
    expect(await board.stateOf(scene.laName)).toBe(wg.t('laPlans.states.draft'));
    const boardUrl = wg.path();

    // The LA officer drafts the first section and submits.
    const officer = await signInAt(journey, lang, officerPerson, '/plans');
    let plan = await new PlansIndexPage(officer).openPlan(scene.laName, roundTitle);
    await plan.expectShown(scene.laName);
    const firstTitle = lang === 'cy' ? STARTING_TEMPLATE[0]!.titleCy : STARTING_TEMPLATE[0]!.titleEn;
    const section = await plan.openSection(1, firstTitle);
    await section.answer(scene.answer);
    plan = await section.backToPlan();
    await plan.takeStep('laPlans.plan.submit', 'submit');
    await plan.expectSuccessBanner('laPlans.plan.saved.submitted');
    expect(await plan.state()).toBe(officer.t('laPlans.states.submitted'));

    // WG reads it from the board, comments on the section and sends it back.
    await wg.visit(boardUrl);
    const wgPlan = await board.openPlan(scene.laName);
    const wgSection = await wgPlan.openSection(1, firstTitle);
    await wgSection.comment(scene.comment);
    await (await wgSection.backToPlan()).takeStep('laPlans.plan.sendBack', 'send-back');
    await wgPlan.expectSuccessBanner('laPlans.plan.saved.sentBack');

    // The officer sees the comment, revises and submits again.
    await officer.visit(officer.path());
    expect(await plan.state()).toBe(officer.t('laPlans.states.in_discussion'));
    const revise = await plan.openSection(1, firstTitle);
    expect(await revise.comments()).toEqual([scene.comment]);
    await revise.answer(scene.revised);
    await (await revise.backToPlan()).takeStep('laPlans.plan.resubmit', 'submit');

    // WG marks it final; the officer shares it and compares the two submissions.
    await wg.visit(boardUrl);
    await (await board.openPlan(scene.laName)).takeStep('laPlans.plan.markFinal', 'final');
    await wgPlan.expectSuccessBanner('laPlans.plan.saved.final');
    await officer.visit(officer.path());
    expect(await plan.state()).toBe(officer.t('laPlans.states.final'));
    await plan.share();
    await plan.openCompare();
    expect((await plan.compare(1, 3)).join(' ')).toContain(
      lang === 'cy' ? 'dau dan arweiniad' : 'two led by special schools',
    );
  },
);
