import { appendAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/client.ts';
import { findPlan } from '../../national/planning-repository.ts';

import { recordEvent } from '../../notifications/events-repository.ts';
import * as repo from './plan-repository.ts';

/**
 * A step of an LA's plan someone must hear of. Its LA is where the LA's staff are found; WG's
 * officials are found nationally. Names go in both languages: an LA and a round have both.
 */
type PlanEventKind =
  'plan_round_opened' | 'plan_submitted' | 'plan_comments_sent' | 'plan_sent_back' | 'plan_marked_final';

export async function recordPlanEvent(tx: Db, kind: PlanEventKind, actorId: string, planId: string) {
  const plan = (await findPlan(tx, planId))!;
  await recordEvent(tx, {
    kind,
    actorId,
    subject: { type: 'la_plan', id: plan.id },
    link: `/plans/${plan.id}`,
    laCode: plan.laCode,
    params: {
      la: plan.laNameEn,
      laCy: plan.laNameCy,
      round: plan.round.titleEn,
      roundCy: plan.round.titleCy,
      deadline: plan.round.deadline,
    },
  });
}

export type AnswerSaved =
  | { ok: true; row: repo.Answer }
  | { ok: false; reason: 'invalid'; error: string }
  | { ok: false; reason: 'conflict'; current: repo.Answer | null };
export const MAX_ANSWER = 20_000;

/**
 * One section's answer. `version` is what the officer started from (0: nobody had written it yet);
 * if anyone saved since, nothing is written and both texts go back to the officer (no lost edits).
 */
export async function saveAnswer(
  db: Db,
  actorId: string,
  plan: repo.Plan,
  sectionId: string,
  version: number,
  body: string,
  language: string,
  now: Date,
): Promise<AnswerSaved> {
  if (body.length > MAX_ANSWER) return { ok: false, reason: 'invalid', error: 'laPlans.errors.answerTooLong' };
  return db.transaction(async (tx) => {
    const before = await repo.findAnswer(tx, plan.id, sectionId);
    const values = { body, language, updatedBy: actorId };
    const row =
      version === 0
        ? await repo.insertAnswer(tx, { planId: plan.id, sectionId, ...values })
        : await repo.updateAnswer(tx, plan.id, sectionId, version, values, now);
    if (!row)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: await repo.findAnswer(tx, plan.id, sectionId),
      };
    await repo.touchPlan(tx, plan.id, now);
    await appendAudit(tx, {
      actorId,
      action: 'la-plan-answer-update',
      entityType: 'la_plan',
      entityId: plan.id,
      before: { sectionId, body: before?.body ?? '' },
      after: { sectionId, body, language },
    });
    return { ok: true as const, row };
  });
}

/** The plan as it reads now: every section of the template with its answer. */
export async function snapshotOf(db: Db, plan: repo.Plan): Promise<repo.PlanSnapshot> {
  const [sections, answers] = await Promise.all([repo.roundSections(db, plan.roundId), repo.planAnswers(db, plan.id)]);
  return {
    sections: sections.map((s) => {
      const a = answers.find((x) => x.sectionId === s.id);
      return {
        sectionId: s.id,
        titleEn: s.titleEn,
        titleCy: s.titleCy,
        body: a?.body ?? '',
        language: a?.language ?? 'en',
        otherLanguage: a?.otherLanguage ?? {},
      };
    }),
  };
}

type Moved = { ok: true; plan: repo.Plan } | { ok: false };

/** Submits (or resubmits after discussion) and keeps the plan as submitted, as a version. */
export async function submitPlan(db: Db, actorId: string, plan: repo.Plan, now: Date): Promise<Moved> {
  return db.transaction(async (tx) => {
    const row = await repo.movePlan(
      tx,
      plan.id,
      ['draft', 'in_discussion'],
      { state: 'submitted', submittedAt: plan.submittedAt ?? now },
      now,
    );
    if (!row) return { ok: false as const };
    const version = await repo.insertVersion(tx, {
      planId: plan.id,
      state: 'submitted',
      snapshot: await snapshotOf(tx, plan),
      createdBy: actorId,
    });
    await appendAudit(tx, {
      actorId,
      action: 'la-plan-submit',
      entityType: 'la_plan',
      entityId: plan.id,
      before: { state: plan.state },
      after: { state: 'submitted', version: version.number },
    });
    await recordPlanEvent(tx, 'plan_submitted', actorId, plan.id);
    return { ok: true as const, plan: row };
  });
}

/** WG sends a submitted plan back to the LA to revise, with its comments. */
export async function sendBack(db: Db, actorId: string, plan: repo.Plan, now: Date): Promise<Moved> {
  return db.transaction(async (tx) => {
    const row = await repo.movePlan(tx, plan.id, ['submitted'], { state: 'in_discussion' }, now);
    if (!row) return { ok: false as const };
    await appendAudit(tx, {
      actorId,
      action: 'la-plan-send-back',
      entityType: 'la_plan',
      entityId: plan.id,
      before: { state: plan.state },
      after: { state: 'in_discussion' },
    });
    await recordPlanEvent(tx, 'plan_sent_back', actorId, plan.id);
    return { ok: true as const, plan: row };
  });
}

/** WG marks a submitted plan final; the final text is kept as a version. */
export async function markFinal(db: Db, actorId: string, plan: repo.Plan, now: Date): Promise<Moved> {
  return db.transaction(async (tx) => {
    const row = await repo.movePlan(tx, plan.id, ['submitted'], { state: 'final', finalAt: now }, now);
    if (!row) return { ok: false as const };
    const version = await repo.insertVersion(tx, {
      planId: plan.id,
      state: 'final',
      snapshot: await snapshotOf(tx, plan),
      createdBy: actorId,
    });
    await appendAudit(tx, {
      actorId,
      action: 'la-plan-final',
      entityType: 'la_plan',
      entityId: plan.id,
      before: { state: plan.state },
      after: { state: 'final', version: version.number },
    });
    await recordPlanEvent(tx, 'plan_marked_final', actorId, plan.id);
    return { ok: true as const, plan: row };
  });
}

/** The LA shares its final plan with every LA, or stops sharing it. */
export async function setShared(db: Db, actorId: string, plan: repo.Plan, shared: boolean, now: Date): Promise<Moved> {
  return db.transaction(async (tx) => {
    const row = await repo.movePlan(tx, plan.id, ['final'], { sharedWithLas: shared }, now);
    if (!row) return { ok: false as const };
    await appendAudit(tx, {
      actorId,
      action: shared ? 'la-plan-share' : 'la-plan-unshare',
      entityType: 'la_plan',
      entityId: plan.id,
      before: { sharedWithLas: plan.sharedWithLas },
      after: { sharedWithLas: shared },
    });
    return { ok: true as const, plan: row };
  });
}

export async function addComment(
  db: Db,
  actorId: string,
  plan: repo.Plan,
  sectionId: string,
  body: string,
  language: string,
  now: Date,
): Promise<{ ok: true } | { ok: false; error: string }> {
  if (!body) return { ok: false, error: 'laPlans.errors.commentRequired' };
  if (body.length > 5000) return { ok: false, error: 'laPlans.errors.commentTooLong' };
  return db.transaction(async (tx) => {
    const row = await repo.insertComment(tx, { planId: plan.id, sectionId, body, language, createdBy: actorId });
    await repo.touchPlan(tx, plan.id, now);
    await appendAudit(tx, {
      actorId,
      action: 'la-plan-comment-add',
      entityType: 'la_plan_comment',
      entityId: row.id,
      after: { planId: plan.id, sectionId, body, language },
    });
    await recordPlanEvent(tx, 'plan_comments_sent', actorId, plan.id);
    return { ok: true as const };
  });
}
