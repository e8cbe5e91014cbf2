import { expect } from 'vitest';
import { formatDate } from '../src/lib/dates.ts';
import { financialYearOf } from '../src/reference/reference-data.ts';
import { money } from '../src/features/brokering/brokering-presenter.ts';
import { journeyTest, type Journey } from './support/journey.ts';
import { LANGUAGES, type Language, type Visitor } from './support/visitor.ts';
import { signInAt } from './support/sign-in.ts';
import { dayFromToday } from './support/collaboration-world.ts';
import {
  BROKERING_STORIES,
  buildBrokeringWorld,
  type BrokeringStory,
  type BrokeringWorld,
} from './support/brokering-world.ts';
import { BrokerPage, PrioritiesPage, SupportPage, type SupportLogPage } from './pages/brokering-pages.ts';

type Day = ReturnType<typeof dayFromToday>;

/** Support brokered from an offer and a request to its agreement and its impact, and who sees it. */
type Scene = {
  journey: Journey;
  lang: Language;
  story: BrokeringStory;
  world: BrokeringWorld;
  days: { starts: Day; ends: Day; today: Day };
};

const supportPath = (school: { number: string }) => `/schools/${school.number}/support`;
const named = (school: { name: string; number: string }) => `${school.name} (${school.number})`;

/** Why the LA's suggestion fits, in words, in the order the rules give them: never a score. */
function reasonsShown(visitor: Visitor, { story }: Scene): string[] {
  return [
    visitor.t('brokering.reasons.same_theme', { theme: visitor.t(`reference.nifTheme.${story.theme}`) }),
    visitor.t('brokering.reasons.evidenced', { count: 1 }),
    visitor.t('brokering.reasons.same_phase', { sector: visitor.t('reference.sector.primary') }),
    visitor.t('brokering.reasons.efsm_close', { ours: story.efsm.requesting, theirs: story.efsm.supporting }),
    visitor.t('brokering.reasons.same_la'),
  ];
}

/** The agreement as both schools read it on their support pages (impact once recorded). */
function agreementRows(visitor: Visitor, scene: Scene, impact: string | null): Record<string, string> {
  const { lang, story, world, days } = scene;
  return {
    [visitor.t('brokering.agreement.receiving')]: named(world.requesting),
    [visitor.t('brokering.agreement.supporting')]: named(world.supporting),
    [visitor.t('brokering.agreement.need')]: story.need,
    [visitor.t('brokering.agreement.what')]: story.agreement.what,
    [visitor.t('brokering.agreement.days')]: Number(story.agreement.days).toFixed(1),
    [visitor.t('brokering.agreement.cost')]: money(Number(story.agreement.cost) * 100, lang),
    [visitor.t('brokering.agreement.when')]:
      `${formatDate(days.starts.iso, lang)} – ${formatDate(days.ends.iso, lang)}`,
    [visitor.t('brokering.agreement.why')]: reasonsShown(visitor, scene).join(' '),
    [visitor.t('brokering.agreement.impact')]: impact ?? visitor.t('brokering.agreement.noImpact'),
  };
}

/** A headteacher records the school's 3-year eFSM figure on its profile and comes back to its support page. */
async function recordsTheProfile(support: SupportPage, efsm: string, schoolName: string): Promise<SupportPage> {
  const profile = await support.openProfile();
  await profile.expectShown();
  expect(await profile.efsm().inputValue()).toBe('');
  const saved = await profile.save(efsm);
  expect(saved.status()).toBe(200);
  expect(await profile.successMessage()).toBe(support.t('brokering.profile.saved'));
  expect(await profile.efsm().inputValue()).toBe(efsm);
  const back = await profile.backToSupport();
  await back.expectShown(schoolName);
  return back;
}

/** The supporting school's headteacher records its profile and offers a strength from this year's findings. */
async function supportingHeadOffersAStrength({ journey, lang, story, world }: Scene): Promise<Visitor> {
  const head = await signInAt(journey, lang, world.people.supportingHead, supportPath(world.supporting));
  const support = new SupportPage(head);
  await support.expectShown(story.schools.supporting);
  expect(await support.offers()).toEqual([]);

  const back = await recordsTheProfile(support, story.efsm.supporting, story.schools.supporting);
  const choose = await back.offerAStrength();
  await choose.expectShown();
  expect(await choose.strengths()).toEqual([
    `${story.strength.title} ${head.t(`reference.nifTheme.${story.theme}`)} · ${head.t('brokering.evidenceCount', { count: 1 })}`,
  ]);
  const form = await choose.choose(story.strength.title);
  await form.expectShown();
  expect(await form.fromFinding()).toBe(
    `${head.t('brokering.offer.fromFinding')} ${story.strength.title} ${head.t('brokering.evidenceCount', { count: 1 })}`,
  );
  expect(await form.typed()).toEqual({
    title: story.strength.title,
    theme: head.t(`reference.nifTheme.${story.theme}`),
  });
  expect(await form.writtenIn()).toBe(lang);

  const offered = await form.offer(story.offer.description);
  await offered.expectShown(story.schools.supporting);
  expect(await offered.successMessage()).toBe(head.t('brokering.notices.offered'));
  expect((await offered.offers()).map(({ title, tag }) => ({ title, tag }))).toEqual([
    { title: story.strength.title, tag: head.t('brokering.offerStatus.active') },
  ]);
  return head;
}

/**
 * The requesting school's headteacher records its profile, opens an agreed priority and asks for
 * support with it: sent empty, the form comes back with the reason; with the need, it is sent.
 */
async function requestingHeadAsksForSupport({ journey, lang, story, world }: Scene): Promise<Visitor> {
  const head = await signInAt(journey, lang, world.people.requestingHead, supportPath(world.requesting));
  const support = new SupportPage(head);
  await support.expectShown(story.schools.requesting);
  expect(await support.requests()).toEqual([]);
  const back = await recordsTheProfile(support, story.efsm.requesting, story.schools.requesting);

  await back.goToSchoolSection('priorities');
  const priority = await new PrioritiesPage(head).openPriority(story.priority);
  await priority.expectShown(story.priority);
  const form = await priority.askForSupport();
  expect(head.path()).toBe(`/schools/${world.requesting.number}/priorities/${world.priority.id}/support-request`);
  await form.expectShown();
  expect(await form.caption()).toBe(story.schools.requesting);
  expect(await form.subCaption()).toBe(story.priority);
  // The school is in no collaborative: its LA is the only broker, and is chosen.
  expect(await form.brokersOffered()).toEqual({
    offered: [head.t('brokering.request.laBroker')],
    chosen: head.t('brokering.request.laBroker'),
  });

  const refused = await form.send('');
  expect(refused.status()).toBe(400);
  await form.expectShown({ error: true });
  await form.expectErrors({ need: 'brokering.errors.request.need' });
  expect(await form.followFirstErrorLink()).toBe('need');

  expect((await form.send(story.need)).status()).toBe(200);
  const sent = new SupportPage(head);
  await sent.expectShown(story.schools.requesting);
  expect(await sent.successMessage()).toBe(head.t('brokering.notices.requested'));
  const [request] = await sent.requests();
  expect(request).toMatchObject({ title: story.priority, tag: head.t('brokering.requestStatus.open') });
  expect(request!.text).toContain(story.need);
  expect(request!.text).toContain(
    head.t('brokering.support.brokeredBy', { broker: head.t('brokering.support.yourLa') }),
  );
  return head;
}

/** The LA officer reads the request, sees the supporting school suggested and why, and agrees the match. */
async function officerAgreesTheMatch(scene: Scene): Promise<void> {
  const { journey, lang, story, world, days } = scene;
  const officer = await signInAt(journey, lang, world.people.officer, `/local-authorities/${story.laCode}/brokering`);
  const broker = new BrokerPage(officer);
  await broker.expectShown(world.laName);
  const requesting = named(world.requesting);
  expect(await broker.openHeading()).toBe(officer.t('brokering.broker.openHeading', { count: 1 }));
  expect(await broker.openRequests()).toEqual([requesting]);
  expect(await broker.requestSummary(requesting)).toEqual({
    [officer.t('brokering.broker.need')]: story.need,
    [officer.t('brokering.broker.theme')]: officer.t(`reference.nifTheme.${story.theme}`),
    [officer.t('brokering.broker.profile')]: officer.t('brokering.broker.figures', {
      efsm: `${story.efsm.requesting}%`,
      aln: '–',
      eal: '–',
    }),
    [officer.t('brokering.broker.asked')]: formatDate(days.today.iso, lang),
  });
  expect(await broker.suggestions(requesting)).toEqual([
    { school: story.schools.supporting, offer: story.strength.title, reasons: reasonsShown(officer, scene) },
  ]);

  const form = await broker.agreeAMatch(world.requesting);
  await form.expectShown();
  expect(await form.caption()).toBe(world.laName);
  expect(await form.subCaption()).toBe(requesting);
  expect(await form.supporters()).toEqual([
    { label: named(world.supporting), hint: `${story.strength.title} · ${reasonsShown(officer, scene).join('; ')}` },
    { label: officer.t('brokering.agree.other'), hint: '' },
  ]);
  expect(await form.writtenIn()).toBe(lang);

  const agreed = await form.agree({
    supporter: named(world.supporting),
    ...story.agreement,
    startsOn: days.starts.parts,
    endsOn: days.ends.parts,
  });
  await agreed.expectShown(world.laName);
  expect(await agreed.successMessage()).toBe(officer.t('brokering.notices.agreed'));
  expect(await agreed.openRequests()).toEqual([]);
  expect(await agreed.openHeading()).toBe(officer.t('brokering.broker.openHeading', { count: 0 }));
  expect(await agreed.agreed()).toEqual([
    {
      title: officer.t('brokering.agreement.title', {
        supporting: story.schools.supporting,
        receiving: story.schools.requesting,
      }),
      tag: officer.t('brokering.agreementStatus.agreed'),
    },
  ]);
}

/** One row of the support log's table: the other school, what, when, days, cost and impact. */
function logRow(
  visitor: Visitor,
  scene: Scene,
  who: 'from' | 'to',
  school: string,
  impact: string,
): Record<string, string> {
  const { lang, story, days } = scene;
  const b = (key: string) => visitor.t(`brokering.supportLog.${key}`);
  return {
    [b(who)]: school,
    [b('what')]: story.agreement.what,
    [b('when')]: `${formatDate(days.starts.iso, lang)} – ${formatDate(days.ends.iso, lang)}`,
    [b('days')]: Number(story.agreement.days).toFixed(1),
    [b('cost')]: money(Number(story.agreement.cost) * 100, lang),
    [b('impact')]: impact,
  };
}

const yearsOf = (y: number) => `${y}–${String(y + 1).slice(2)}`;

async function expectLog(log: SupportLogPage, kind: 'received' | 'given', row: Record<string, string>): Promise<void> {
  await log.expectShown();
  const years = yearsOf(financialYearOf(new Date()));
  expect(await log.table(log.t(`brokering.supportLog.${kind}Caption`, { years }))).toEqual([row]);
  const other = kind === 'received' ? 'given' : 'received';
  expect(await log.sectionText(`brokering.supportLog.${other}Heading`)).toBe(
    log.t(`brokering.supportLog.none${other === 'given' ? 'Given' : 'Received'}`),
  );
}

/** Both schools find the agreement on their support pages and in their support log. */
async function bothSchoolsSeeTheAgreement(
  supportingHead: Visitor,
  requestingHead: Visitor,
  scene: Scene,
): Promise<void> {
  const { story, world } = scene;
  await supportingHead.visit(supportPath(world.supporting));
  const giving = new SupportPage(supportingHead);
  await giving.expectShown(story.schools.supporting);
  const [given] = await giving.given();
  expect(given).toMatchObject({
    title: supportingHead.t('brokering.agreement.title', {
      supporting: story.schools.supporting,
      receiving: story.schools.requesting,
    }),
    tag: supportingHead.t('brokering.agreementStatus.agreed'),
    rows: agreementRows(supportingHead, scene, null),
  });
  await expectLog(
    await giving.openSupportLog(),
    'given',
    logRow(supportingHead, scene, 'to', story.schools.requesting, ''),
  );

  await requestingHead.visit(supportPath(world.requesting));
  const receiving = new SupportPage(requestingHead);
  const [request] = await receiving.requests();
  expect(request).toMatchObject({
    title: story.priority,
    tag: requestingHead.t('brokering.requestStatus.matched'),
    rows: agreementRows(requestingHead, scene, null),
  });
  await expectLog(
    await receiving.openSupportLog(),
    'received',
    logRow(requestingHead, scene, 'from', story.schools.supporting, ''),
  );
}

/** The requesting headteacher records the impact: the request closes, and the supporting school reads it. */
async function requestingHeadRecordsTheImpact(
  requestingHead: Visitor,
  supportingHead: Visitor,
  scene: Scene,
): Promise<void> {
  const { story, world } = scene;
  await requestingHead.visit(supportPath(world.requesting));
  const form = await new SupportPage(requestingHead).recordImpact(story.agreement.what);
  await form.expectShown();
  expect(await form.writtenIn()).toBe(scene.lang);
  const closed = await form.record(story.impact);
  await closed.expectShown(story.schools.requesting);
  expect(await closed.successMessage()).toBe(requestingHead.t('brokering.notices.impact'));
  const [request] = await closed.requests();
  expect(request).toMatchObject({
    title: story.priority,
    tag: requestingHead.t('brokering.requestStatus.closed'),
    rows: agreementRows(requestingHead, scene, story.impact),
  });

  await supportingHead.visit(supportPath(world.supporting));
  const [given] = await new SupportPage(supportingHead).given();
  expect(given).toMatchObject({
    tag: supportingHead.t('brokering.agreementStatus.completed'),
    rows: agreementRows(supportingHead, scene, story.impact),
  });
}

/** Both, once both have ended: a failure of one does not close the browsers while the other still works. */
async function bothSettled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}

journeyTest.concurrent.for(LANGUAGES)(
  'brokered support (%s): a strength offered, support asked for from a priority (refused empty, then sent), the LA agrees the suggested school for its reasons, both schools see it and log it, the impact closes it',
  { timeout: 120_000 },
  async (lang, { journey }) => {
    const story = BROKERING_STORIES[lang];
    const scene: Scene = {
      journey,
      lang,
      story,
      world: await buildBrokeringWorld(journey.server.db, lang, story),
      days: { starts: dayFromToday(), ends: dayFromToday(60), today: dayFromToday() },
    };

    // Each headteacher in a browser of their own, at the same time.
    const [supportingHead, requestingHead] = await bothSettled(
      supportingHeadOffersAStrength(scene),
      requestingHeadAsksForSupport(scene),
    );
    await officerAgreesTheMatch(scene);
    await bothSchoolsSeeTheAgreement(supportingHead, requestingHead, scene);
    await requestingHeadRecordsTheImpact(requestingHead, supportingHead, scene);
  },
);
