// How each of the school's items that may carry its other-language version is found inside its
// school and saved under optimistic locking (the kinds themselves: school-kinds-service.ts).
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  developmentPlans,
  evidence,
  findings,
  inspectionRecommendations,
  inspections,
  planActions,
  planOutlineActions,
  planOutlinePriorities,
  priorities,
  progressReviews,
  successCriteria,
  supportAgreements,
  supportRequests,
  visions,
} from '../../db/schema/index.ts';
import { asLanguage } from '../../lib/paired-text.ts';
import type { KindStore, PairedPart, SaveArgs } from './kinds.ts';

const school = (number: string) => `/schools/${number}`;
const bump = <T extends { version: unknown }>(t: T) => sql`${t.version} + 1`;

/** A success criterion's text is its `text`: its other-language version is stored under that name. */
async function saveCriteria(tx: Db, priorityId: string, parts: Map<string, string>) {
  for (const [id, other] of parts)
    await tx
      .update(successCriteria)
      .set({ otherLanguage: other ? { text: other } : {} })
      .where(and(eq(successCriteria.id, id), eq(successCriteria.priorityId, priorityId)));
}

const partsOf = (rows: { id: string; text: string; otherLanguage: Record<string, string> }[]): PairedPart[] =>
  rows.map((r) => ({ id: r.id, original: r.text, other: r.otherLanguage.text ?? '' }));

export const priorityStore: KindStore<'school'> = {
  async load(db, ctx, _ids, id) {
    const [p] = await db
      .select()
      .from(priorities)
      .where(and(eq(priorities.id, id), eq(priorities.schoolNumber, ctx.school.number)));
    if (!p) return null;
    const criteria = await db
      .select({ id: successCriteria.id, text: successCriteria.text, otherLanguage: successCriteria.otherLanguage })
      .from(successCriteria)
      .where(eq(successCriteria.priorityId, p.id))
      .orderBy(asc(successCriteria.position));
    const { title, description, learners, successMeasure } = p;
    return {
      id: p.id,
      language: asLanguage(p.language),
      version: p.version,
      name: p.title,
      originals: { title, description, learners, successMeasure },
      other: p.otherLanguage,
      parts: partsOf(criteria),
      returnTo: `${school(p.schoolNumber)}/priorities/${p.id}`,
    };
  },
  async save(tx, { item, other, parts, version, now }) {
    const done = await tx
      .update(priorities)
      .set({ otherLanguage: other, version: bump(priorities), updatedAt: now })
      .where(and(eq(priorities.id, item.id), eq(priorities.version, version)))
      .returning({ id: priorities.id });
    if (done.length) await saveCriteria(tx, item.id, parts);
    return done.length === 1;
  },
};

export const findingStore: KindStore<'school'> = {
  async load(db, ctx, _ids, id) {
    const [f] = await db
      .select()
      .from(findings)
      .where(and(eq(findings.id, id), eq(findings.schoolNumber, ctx.school.number)));
    if (!f) return null;
    return {
      id: f.id,
      language: asLanguage(f.language),
      version: f.version,
      name: f.title,
      originals: { title: f.title, body: f.body },
      other: f.otherLanguage,
      parts: [],
      returnTo: `${school(f.schoolNumber)}/findings/${f.id}`,
    };
  },
  async save(tx, { item, other, version, now }) {
    const done = await tx
      .update(findings)
      .set({ otherLanguage: other, version: bump(findings), updatedAt: now })
      .where(and(eq(findings.id, item.id), eq(findings.version, version)))
      .returning({ id: findings.id });
    return done.length === 1;
  },
};

export const evidenceStore: KindStore<'school'> = {
  async load(db, ctx, _ids, id) {
    const [e] = await db
      .select()
      .from(evidence)
      .where(and(eq(evidence.id, id), eq(evidence.schoolNumber, ctx.school.number)));
    if (!e) return null;
    return {
      id: e.id,
      language: asLanguage(e.language),
      version: e.version,
      name: e.title,
      originals: { title: e.title, body: e.body },
      other: e.otherLanguage,
      parts: [],
      returnTo: `${school(e.schoolNumber)}/evidence/${e.id}`,
      createdBy: e.createdBy,
      state: { curated: e.curated, archived: e.archived },
    };
  },
  async save(tx, { item, other, version, now, searchText }) {
    const done = await tx
      .update(evidence)
      .set({
        otherLanguage: other,
        ...(searchText === undefined ? {} : { searchText }),
        version: bump(evidence),
        updatedAt: now,
      })
      .where(and(eq(evidence.id, item.id), eq(evidence.version, version)))
      .returning({ id: evidence.id });
    return done.length === 1;
  },
};

export const planActionStore: KindStore<'school'> = {
  async load(db, ctx, _ids, id) {
    const [row] = await db
      .select({ action: planActions })
      .from(planActions)
      .innerJoin(priorities, eq(priorities.id, planActions.priorityId))
      .where(and(eq(planActions.id, id), eq(priorities.schoolNumber, ctx.school.number)));
    if (!row) return null;
    const a = row.action;
    const { description, milestones, professionalLearning, supportDetail } = a;
    return {
      id: a.id,
      language: asLanguage(a.language),
      version: a.version,
      name: a.description,
      originals: { description, milestones, professionalLearning, supportDetail },
      other: a.otherLanguage,
      parts: [],
      returnTo: `${school(ctx.school.number)}/plan#priority-${a.priorityId}`,
    };
  },
  async save(tx, { item, other, version, now }) {
    const done = await tx
      .update(planActions)
      .set({ otherLanguage: other, version: bump(planActions), updatedAt: now })
      .where(and(eq(planActions.id, item.id), eq(planActions.version, version)))
      .returning({ id: planActions.id });
    return done.length === 1;
  },
};

export const recommendationStore: KindStore<'school'> = {
  async load(db, ctx, _ids, id) {
    const [row] = await db
      .select({ r: inspectionRecommendations })
      .from(inspectionRecommendations)
      .innerJoin(inspections, eq(inspections.id, inspectionRecommendations.inspectionId))
      .where(and(eq(inspectionRecommendations.id, id), eq(inspections.schoolNumber, ctx.school.number)));
    if (!row) return null;
    const r = row.r;
    return {
      id: r.id,
      language: asLanguage(r.language),
      version: r.version,
      name: r.text,
      originals: { text: r.text },
      other: r.otherLanguage,
      parts: [],
      returnTo: `${school(ctx.school.number)}/inspection#r${r.number}`,
    };
  },
  async save(tx, { item, other, version, now }) {
    const done = await tx
      .update(inspectionRecommendations)
      .set({ otherLanguage: other, version: bump(inspectionRecommendations), updatedAt: now })
      .where(and(eq(inspectionRecommendations.id, item.id), eq(inspectionRecommendations.version, version)))
      .returning({ id: inspectionRecommendations.id });
    return done.length === 1;
  },
};

export const outlinePriorityStore: KindStore<'school'> = {
  async load(db, ctx, _ids, id) {
    const [o] = await db
      .select()
      .from(planOutlinePriorities)
      .where(and(eq(planOutlinePriorities.id, id), eq(planOutlinePriorities.schoolNumber, ctx.school.number)));
    if (!o) return null;
    const actions = await db
      .select({
        id: planOutlineActions.id,
        text: planOutlineActions.description,
        otherLanguage: planOutlineActions.otherLanguage,
      })
      .from(planOutlineActions)
      .where(eq(planOutlineActions.outlinePriorityId, o.id))
      .orderBy(asc(planOutlineActions.term), asc(planOutlineActions.position));
    return {
      id: o.id,
      language: asLanguage(o.language),
      version: o.version,
      name: o.title,
      originals: { title: o.title, summary: o.summary },
      other: o.otherLanguage,
      parts: actions.map((a) => ({ id: a.id, original: a.text, other: a.otherLanguage.description ?? '' })),
      returnTo: `${school(ctx.school.number)}/plan#outline-${o.id}`,
    };
  },
  async save(tx, { item, other, parts, version, now }) {
    const done = await tx
      .update(planOutlinePriorities)
      .set({ otherLanguage: other, version: bump(planOutlinePriorities), updatedAt: now })
      .where(and(eq(planOutlinePriorities.id, item.id), eq(planOutlinePriorities.version, version)))
      .returning({ id: planOutlinePriorities.id });
    if (!done.length) return false;
    // An outline action's text is its description: its other-language version is stored under that name.
    for (const [id, part] of parts)
      await tx
        .update(planOutlineActions)
        .set({ otherLanguage: part ? { description: part } : {} })
        .where(and(eq(planOutlineActions.id, id), eq(planOutlineActions.outlinePriorityId, item.id)));
    return true;
  },
};

export const planSummaryStore: KindStore<'school'> = {
  async load(db, ctx, _ids, id) {
    const [p] = await db
      .select()
      .from(developmentPlans)
      .where(and(eq(developmentPlans.id, id), eq(developmentPlans.schoolNumber, ctx.school.number)));
    if (!p) return null;
    return {
      id: p.id,
      language: asLanguage(p.language),
      version: p.version,
      name: p.summary,
      originals: { summary: p.summary },
      other: p.otherLanguage,
      parts: [],
      returnTo: `${school(p.schoolNumber)}/plan#summary`,
    };
  },
  async save(tx, { item, other, version, now }) {
    // The plan's version moves too, so someone editing the summary meanwhile is told of the change.
    const done = await tx
      .update(developmentPlans)
      .set({ otherLanguage: other, version: bump(developmentPlans), updatedAt: now })
      .where(and(eq(developmentPlans.id, item.id), eq(developmentPlans.version, version)))
      .returning({ id: developmentPlans.id });
    return done.length === 1;
  },
};

export const supportRequestStore: KindStore<'school'> = {
  async load(db, ctx, _ids, id) {
    const [r] = await db
      .select()
      .from(supportRequests)
      .where(and(eq(supportRequests.id, id), eq(supportRequests.schoolNumber, ctx.school.number)));
    if (!r) return null;
    return {
      id: r.id,
      language: asLanguage(r.language),
      version: r.version,
      name: r.need,
      originals: { need: r.need },
      other: r.otherLanguage,
      parts: [],
      returnTo: `${school(r.schoolNumber)}/support#request-${r.id}`,
    };
  },
  async save(tx, { item, other, version, now }) {
    const done = await tx
      .update(supportRequests)
      .set({ otherLanguage: other, version: bump(supportRequests), updatedAt: now })
      .where(and(eq(supportRequests.id, item.id), eq(supportRequests.version, version)))
      .returning({ id: supportRequests.id });
    return done.length === 1;
  },
};

/** Support the school received: found through its own request (the supporting school does not write it). */
export const supportAgreementStore: KindStore<'school'> = {
  async load(db, ctx, _ids, id) {
    const [row] = await db
      .select({ a: supportAgreements })
      .from(supportAgreements)
      .innerJoin(supportRequests, eq(supportRequests.id, supportAgreements.requestId))
      .where(and(eq(supportAgreements.id, id), eq(supportRequests.schoolNumber, ctx.school.number)));
    if (!row) return null;
    const a = row.a;
    return {
      id: a.id,
      language: asLanguage(a.language),
      version: a.version,
      name: a.what,
      originals: { what: a.what, impact: a.impact },
      other: a.otherLanguage,
      parts: [],
      returnTo: `${school(ctx.school.number)}/support#request-${a.requestId}`,
    };
  },
  async save(tx, { item, other, version, now }) {
    const done = await tx
      .update(supportAgreements)
      .set({ otherLanguage: other, version: bump(supportAgreements), updatedAt: now })
      .where(and(eq(supportAgreements.id, item.id), eq(supportAgreements.version, version)))
      .returning({ id: supportAgreements.id });
    return done.length === 1;
  },
};

/**
 * A progress review is never edited (a correction is a new review), so it has no version: its
 * other-language texts stand in for one, as a number that changes whenever they do.
 */
export function versionOfTexts(other: Record<string, string>): number {
  const json = JSON.stringify(Object.entries(other).sort(([a], [b]) => a.localeCompare(b)));
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 0x01000193) >>> 0;
  return (hash % 0x7ffffffe) + 1;
}

export const progressReviewStore: KindStore<'school'> = {
  async load(db, ctx, _ids, id) {
    const [r] = await db
      .select()
      .from(progressReviews)
      .where(and(eq(progressReviews.id, id), eq(progressReviews.schoolNumber, ctx.school.number)));
    if (!r) return null;
    return {
      id: r.id,
      language: asLanguage(r.language),
      version: versionOfTexts(r.otherLanguage),
      name: r.comment,
      originals: { comment: r.comment },
      other: r.otherLanguage,
      parts: [],
      returnTo: `${school(r.schoolNumber)}/priorities/${r.priorityId}#progress`,
    };
  },
  async save(tx, { item, other, version }) {
    // Someone saved other texts since the page was opened: a conflict, like a changed version.
    if (versionOfTexts(item.other) !== version) return false;
    const done = await tx
      .update(progressReviews)
      .set({ otherLanguage: other })
      .where(
        and(
          eq(progressReviews.id, item.id),
          sql`${progressReviews.otherLanguage} = ${JSON.stringify(item.other)}::jsonb`,
        ),
      )
      .returning({ id: progressReviews.id });
    return done.length === 1;
  },
};

/** A school's or an LA's vision, found under its owner. */
async function loadVision(db: Db, owner: { type: 'school' | 'la'; id: string }, id: string, returnTo: string) {
  const [v] = await db
    .select()
    .from(visions)
    .where(and(eq(visions.id, id), eq(visions.ownerType, owner.type), eq(visions.ownerId, owner.id)));
  if (!v) return null;
  return {
    id: v.id,
    language: asLanguage(v.language),
    // A vision is never edited, only followed by a newer one: its number stands in for a version.
    version: v.number,
    name: v.text,
    originals: { text: v.text, agreedWith: v.agreedWith },
    other: v.otherLanguage,
    parts: [],
    returnTo,
  };
}

async function saveVision(tx: Db, { item, other, version }: SaveArgs): Promise<boolean> {
  // Only the current vision is translated: a newer one saved meanwhile is a conflict.
  const [newer] = await tx
    .select({ id: visions.id })
    .from(visions)
    .innerJoin(
      sql`(select owner_type, owner_id from visions where id = ${item.id}) as mine`,
      sql`mine.owner_type = ${visions.ownerType} and mine.owner_id = ${visions.ownerId}`,
    )
    .where(gt(visions.number, version))
    .orderBy(desc(visions.number))
    .limit(1);
  if (newer) return false;
  const done = await tx
    .update(visions)
    .set({ otherLanguage: other })
    .where(and(eq(visions.id, item.id), eq(visions.number, version)))
    .returning({ id: visions.id });
  return done.length === 1;
}

export const visionStore: KindStore<'school'> = {
  load: (db, ctx, _ids, id) =>
    loadVision(db, { type: 'school', id: ctx.school.number }, id, `${school(ctx.school.number)}/vision`),
  save: saveVision,
};

export const laVisionStore: KindStore<'la'> = {
  load: (db, ctx, _ids, id) =>
    loadVision(db, { type: 'la', id: ctx.la.code }, id, `/local-authorities/${ctx.la.code}/vision`),
  save: saveVision,
};
