// How the items a school shares with others, a collaborative's and an LA's are found inside their
// scope and saved under optimistic locking (the kinds themselves: shared-kinds-service.ts).
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  caseStudies,
  enquiryFindings,
  enquiryFollowUps,
  laCycles,
  laPlanAnswers,
  laPriorities,
  laPriorityActions,
  meetingActions,
  meetings,
  peerEnquiries,
  progressionSessions,
  supportOffers,
} from '../../db/schema/index.ts';
import { asLanguage } from '../../lib/paired-text.ts';
import type { KindStore, LoadedItem } from './kinds.ts';

const bump = <T extends { version: unknown }>(t: T) => sql`${t.version} + 1`;
type Row = { id: string; language: string; version: number; otherLanguage: Record<string, string> };

function item(row: Row, name: string, originals: Record<string, string>, returnTo: string): LoadedItem {
  return {
    id: row.id,
    language: asLanguage(row.language),
    version: row.version,
    name,
    originals,
    other: row.otherLanguage,
    parts: [],
    returnTo,
  };
}

export const caseStudyStore: KindStore<'caseStudy'> = {
  async load(db, ctx, _ids, id) {
    if (id !== ctx.caseStudy.id) return null;
    const [c] = await db.select().from(caseStudies).where(eq(caseStudies.id, id));
    if (!c) return null;
    const { title, summary, whatWeDid, learners, impact } = c;
    const loaded = item(c, c.title, { title, summary, whatWeDid, learners, impact }, `/good-practice/${c.id}`);
    // The names search matches, as the case study's own form gives them (good-practice/edit-routes.ts).
    loaded.searchNames = ctx.schoolName ? [ctx.schoolName] : [ctx.laNameEn ?? '', ctx.laNameCy ?? ''];
    return loaded;
  },
  async save(tx, { item: c, other, version, now, searchText }) {
    const done = await tx
      .update(caseStudies)
      .set({
        otherLanguage: other,
        ...(searchText === undefined ? {} : { searchText }),
        version: bump(caseStudies),
        updatedAt: now,
      })
      .where(and(eq(caseStudies.id, c.id), eq(caseStudies.version, version)))
      .returning({ id: caseStudies.id });
    return done.length === 1;
  },
};

/** A meeting with its agreed actions: the notes and agenda travel with the actions to every member school. */
export const meetingStore: KindStore<'collaborative'> = {
  async load(db, ctx, _ids, id) {
    const [m] = await db
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, id), eq(meetings.collaborativeId, ctx.collaborative.id)));
    if (!m) return null;
    const actions = await db
      .select()
      .from(meetingActions)
      .where(eq(meetingActions.meetingId, m.id))
      .orderBy(asc(meetingActions.createdAt), asc(meetingActions.id));
    const loaded = item(
      m,
      m.title,
      { title: m.title, agenda: m.agenda, notes: m.notes },
      `/collaboratives/${ctx.collaborative.id}/meetings/${m.id}`,
    );
    loaded.parts = actions.map((a) => ({
      id: a.id,
      original: a.description,
      other: a.otherLanguage.description ?? '',
    }));
    return loaded;
  },
  async save(tx, { item: m, other, parts, version, now }) {
    const done = await tx
      .update(meetings)
      .set({ otherLanguage: other, version: bump(meetings), updatedAt: now })
      .where(and(eq(meetings.id, m.id), eq(meetings.version, version)))
      .returning({ id: meetings.id });
    if (!done.length) return false;
    for (const [id, text] of parts)
      await tx
        .update(meetingActions)
        .set({ otherLanguage: text ? { description: text } : {}, version: bump(meetingActions), updatedAt: now })
        .where(and(eq(meetingActions.id, id), eq(meetingActions.meetingId, m.id)));
    return true;
  },
};

export const progressionStore: KindStore<'collaborative'> = {
  async load(db, ctx, _ids, id) {
    const [s] = await db
      .select()
      .from(progressionSessions)
      .where(and(eq(progressionSessions.id, id), eq(progressionSessions.collaborativeId, ctx.collaborative.id)));
    if (!s) return null;
    const { focus, samples, expectations } = s;
    return item(
      s,
      s.focus || s.area,
      { focus, samples, expectations },
      `/collaboratives/${ctx.collaborative.id}/progression/${s.id}`,
    );
  },
  async save(tx, { item: s, other, version, now }) {
    const done = await tx
      .update(progressionSessions)
      .set({ otherLanguage: other, version: bump(progressionSessions), updatedAt: now })
      .where(and(eq(progressionSessions.id, s.id), eq(progressionSessions.version, version)))
      .returning({ id: progressionSessions.id });
    return done.length === 1;
  },
};

/** A peer enquiry with its findings and follow-ups: what its report carries. */
export const enquiryStore: KindStore<'enquiry'> = {
  async load(db, ctx, _ids, id) {
    if (id !== ctx.enquiry.id) return null;
    const [e] = await db.select().from(peerEnquiries).where(eq(peerEnquiries.id, id));
    if (!e) return null;
    const [found, followUps] = await Promise.all([
      db.select().from(enquiryFindings).where(eq(enquiryFindings.enquiryId, e.id)).orderBy(asc(enquiryFindings.id)),
      db.select().from(enquiryFollowUps).where(eq(enquiryFollowUps.enquiryId, e.id)).orderBy(asc(enquiryFollowUps.id)),
    ]);
    const loaded = item(
      e,
      e.question,
      { question: e.question, report: e.report },
      `/collaboratives/${ctx.collaborative.id}/enquiries/${e.id}`,
    );
    loaded.parts = [
      ...found.map((f, i) => ({
        id: f.id,
        original: f.text,
        other: f.otherLanguage.text ?? '',
        labelKey: 'otherLanguage.parts.enquiryFinding',
        number: i + 1,
      })),
      ...followUps.map((f, i) => ({
        id: f.id,
        original: f.description,
        other: f.otherLanguage.description ?? '',
        labelKey: 'otherLanguage.parts.followUp',
        number: i + 1,
      })),
    ];
    return loaded;
  },
  async save(tx, { item: e, other, parts, version, now }) {
    const done = await tx
      .update(peerEnquiries)
      .set({ otherLanguage: other, version: bump(peerEnquiries), updatedAt: now })
      .where(and(eq(peerEnquiries.id, e.id), eq(peerEnquiries.version, version)))
      .returning({ id: peerEnquiries.id });
    if (!done.length) return false;
    for (const [id, text] of parts) {
      // An id names either a finding or a follow-up of this enquiry: the other update matches nothing.
      await tx
        .update(enquiryFindings)
        .set({ otherLanguage: text ? { text } : {} })
        .where(and(eq(enquiryFindings.id, id), eq(enquiryFindings.enquiryId, e.id)));
      await tx
        .update(enquiryFollowUps)
        .set({ otherLanguage: text ? { description: text } : {} })
        .where(and(eq(enquiryFollowUps.id, id), eq(enquiryFollowUps.enquiryId, e.id)));
    }
    return true;
  },
};

/** An LA priority with its actions (the LA's plan for it). */
export const laPriorityStore: KindStore<'la'> = {
  async load(db, ctx, _ids, id) {
    const [row] = await db
      .select({ p: laPriorities })
      .from(laPriorities)
      .innerJoin(laCycles, eq(laCycles.id, laPriorities.cycleId))
      .where(and(eq(laPriorities.id, id), eq(laCycles.laCode, ctx.la.code)));
    if (!row) return null;
    const p = row.p;
    const actions = await db
      .select()
      .from(laPriorityActions)
      .where(eq(laPriorityActions.priorityId, p.id))
      .orderBy(asc(laPriorityActions.createdAt), asc(laPriorityActions.id));
    const loaded = item(
      p,
      p.title,
      { title: p.title, description: p.description, successMeasure: p.successMeasure },
      `/local-authorities/${ctx.la.code}/self-evaluation/priorities/${p.id}`,
    );
    loaded.parts = actions.map((a) => ({
      id: a.id,
      original: a.description,
      other: a.otherLanguage.description ?? '',
    }));
    return loaded;
  },
  async save(tx, { item: p, other, parts, version, now }) {
    const done = await tx
      .update(laPriorities)
      .set({ otherLanguage: other, version: bump(laPriorities), updatedAt: now })
      .where(and(eq(laPriorities.id, p.id), eq(laPriorities.version, version)))
      .returning({ id: laPriorities.id });
    if (!done.length) return false;
    for (const [id, text] of parts)
      await tx
        .update(laPriorityActions)
        .set({ otherLanguage: text ? { description: text } : {}, version: bump(laPriorityActions), updatedAt: now })
        .where(and(eq(laPriorityActions.id, id), eq(laPriorityActions.priorityId, p.id)));
    return true;
  },
};

export const supportOfferStore: KindStore<'school'> = {
  async load(db, ctx, _ids, id) {
    const [o] = await db
      .select()
      .from(supportOffers)
      .where(and(eq(supportOffers.id, id), eq(supportOffers.schoolNumber, ctx.school.number)));
    if (!o) return null;
    return item(
      o,
      o.title,
      { title: o.title, description: o.description },
      `/schools/${ctx.school.number}/support#offer-${o.id}`,
    );
  },
  async save(tx, { item: o, other, version, now }) {
    const done = await tx
      .update(supportOffers)
      .set({ otherLanguage: other, version: bump(supportOffers), updatedAt: now })
      .where(and(eq(supportOffers.id, o.id), eq(supportOffers.version, version)))
      .returning({ id: supportOffers.id });
    return done.length === 1;
  },
};

/** One section's answer of an LA plan: the item is the section (the answer's key within its plan). */
export const laPlanAnswerStore: KindStore<'plan'> = {
  async load(db, ctx, _ids, sectionId) {
    const [a] = await db
      .select()
      .from(laPlanAnswers)
      .where(and(eq(laPlanAnswers.planId, ctx.plan.id), eq(laPlanAnswers.sectionId, sectionId)));
    if (!a || !a.body.trim()) return null;
    return {
      id: a.sectionId,
      language: asLanguage(a.language),
      version: a.version,
      name: a.body,
      originals: { answer: a.body },
      other: a.otherLanguage.body ? { answer: a.otherLanguage.body } : ({} as Record<string, string>),
      parts: [],
      returnTo: `/plans/${ctx.plan.id}/sections/${a.sectionId}`,
      planId: a.planId,
    };
  },
  async save(tx, { item: a, other, version, now }) {
    // Stored under the column's name (body), as every other record keys its texts.
    const done = await tx
      .update(laPlanAnswers)
      .set({ otherLanguage: other.answer ? { body: other.answer } : {}, version: bump(laPlanAnswers), updatedAt: now })
      .where(
        and(eq(laPlanAnswers.planId, a.planId!), eq(laPlanAnswers.sectionId, a.id), eq(laPlanAnswers.version, version)),
      )
      .returning({ sectionId: laPlanAnswers.sectionId });
    return done.length === 1;
  },
};
