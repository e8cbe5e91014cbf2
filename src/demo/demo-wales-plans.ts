import type { Db } from '../db/client.ts';
import { STARTING_TEMPLATE } from '../features/la-plans/plan-template.ts';
import type { DemoLaContext } from './demo-la-context.ts';
import { CARDIFF_ANSWERS, CARDIFF_COMMENTS, SWANSEA_ANSWERS } from './demo-wales-plans-answers.ts';
import { insertPlans } from './demo-wales-plans-repository.ts';

const DAY = 86_400_000;
type Stage = 'not_started' | 'in_progress' | 'submitted' | 'in_discussion' | 'final' | 'final_shared';

/**
 * Issue 7 item 2 demo: one planning round, its deadline three weeks away, with the 22 LAs at every
 * stage. Cardiff (la.officer@) is in discussion with WG's comments to act on; Swansea's plan is final
 * and shared, so every LA's officers can read it; the rest range from not started to final.
 */
const STAGES: Record<string, Stage> = {
  '681': 'in_discussion',
  '670': 'final_shared',
  '661': 'final',
  '672': 'submitted',
  '666': 'submitted',
  '676': 'in_discussion',
  '662': 'in_progress',
  '680': 'in_progress',
  '669': 'in_progress',
  '674': 'in_progress',
};

export async function loadDemoWalesPlans(db: Db, ctx: DemoLaContext) {
  const { now, c } = ctx;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const wg = await insertPlans.userByEmail(db, 'wg.official@demo.cydwella.cymru');
  const deadline = new Date(now.getTime() + 21 * DAY).toISOString().slice(0, 10);
  const round = await insertPlans.round(db, {
    titleEn: 'LA plans for collaborative school improvement 2026 to 2027',
    titleCy: 'Cynlluniau ALl ar gyfer gwella ysgolion ar y cyd 2026 i 2027',
    deadline,
    createdBy: wg,
    createdAt: ago(40),
    updatedAt: ago(40),
  });
  const sections = await insertPlans.sections(
    db,
    STARTING_TEMPLATE.map((s, i) => ({ ...s, roundId: round.id, position: i + 1 })),
  );
  const authors: Record<string, string | null> = { '681': c.people('officer'), '670': c.people('emyr') };

  for (const laCode of await insertPlans.laCodes(db)) {
    const stage = STAGES[laCode] ?? 'not_started';
    const answers = laCode === '681' ? CARDIFF_ANSWERS : laCode === '670' ? SWANSEA_ANSWERS : genericAnswers(stage);
    const language = laCode === '670' ? 'cy' : 'en';
    const submitted = ['submitted', 'in_discussion', 'final', 'final_shared'].includes(stage);
    const final = stage === 'final' || stage === 'final_shared';
    const state =
      stage === 'not_started' || stage === 'in_progress' ? 'draft' : stage === 'final_shared' ? 'final' : stage;
    const plan = await insertPlans.plan(db, {
      roundId: round.id,
      laCode,
      state,
      sharedWithLas: stage === 'final_shared',
      submittedAt: submitted ? ago(final ? 20 : 6) : null,
      finalAt: final ? ago(9) : null,
      createdAt: ago(40),
      updatedAt: stage === 'not_started' ? ago(40) : ago(final ? 9 : 3),
    });
    const author = authors[laCode] ?? null;
    const rows = sections.map((s, i) => ({
      sectionId: s.id,
      body: answers[i] ?? '',
      titleEn: s.titleEn,
      titleCy: s.titleCy,
      language,
    }));
    await insertPlans.answers(
      db,
      rows
        .filter((r) => r.body)
        .map((r) => ({
          planId: plan.id,
          sectionId: r.sectionId,
          body: r.body,
          language,
          updatedBy: author,
          createdAt: ago(25),
          updatedAt: ago(final ? 21 : 7),
        })),
    );
    if (!submitted) continue;
    const snapshot = {
      sections: rows.map(({ sectionId, titleEn, titleCy, body }) => ({ sectionId, titleEn, titleCy, body, language })),
    };
    // Cardiff's first submission read a little differently: WG's comments asked for more.
    const first =
      laCode === '681'
        ? {
            sections: snapshot.sections.map((s, i) =>
              i === 2 ? { ...s, body: s.body.replace(/ and a new early years network\.$/, '.') } : s,
            ),
          }
        : snapshot;
    await insertPlans.version(db, {
      planId: plan.id,
      number: 1,
      state: 'submitted',
      snapshot: first,
      createdBy: author,
      createdAt: ago(final ? 20 : 6),
    });
    if (final)
      await insertPlans.version(db, {
        planId: plan.id,
        number: 2,
        state: 'final',
        snapshot,
        createdBy: wg,
        createdAt: ago(9),
      });
    if (stage === 'in_discussion') {
      const comments =
        laCode === '681'
          ? CARDIFF_COMMENTS
          : [{ section: 1, body: 'Please add how headteachers were involved in agreeing this starting point.' }];
      await insertPlans.comments(
        db,
        comments.map((m) => ({
          planId: plan.id,
          sectionId: sections[m.section - 1]!.id,
          body: m.body,
          language: 'language' in m && m.language ? m.language : 'en',
          createdBy: wg,
          createdAt: ago(4),
        })),
      );
    }
  }
  return { roundId: round.id };
}

/** Short, plain answers for the LAs the demo does not dwell on. */
function genericAnswers(stage: Stage): string[] {
  const count = stage === 'not_started' ? 0 : stage === 'in_progress' ? 3 : STARTING_TEMPLATE.length;
  return STARTING_TEMPLATE.slice(0, count).map(
    (s) =>
      `Our answer on ${s.titleEn.toLowerCase()}: we are agreeing the detail with headteachers this term and will set out milestones for each collaborative.`,
  );
}
