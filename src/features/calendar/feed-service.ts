import { createHash, randomBytes } from 'node:crypto';
import type { TFunction } from 'i18next';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { sessionEntry } from '../progression/progression-presenter.ts';
import type { CalendarEntry } from './ics.ts';
import * as repo from './feed-repository.ts';

/** Calendar apps cannot sign in: the address carries a secret, and only its SHA-256 is kept. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Makes the user's feed, or replaces it (the old address stops working). Returns the new secret, shown once. */
export async function issueFeed(db: Db, userId: string, language: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    const existing = await repo.findFeedOf(tx, userId);
    await repo.saveFeed(tx, userId, hashToken(token), language);
    // Never the token or its hash: the audit log must not become a way into someone's calendar.
    await appendAudit(tx, { actorId: userId, action: existing ? 'calendar-feed-reset' : 'calendar-feed-create', entityType: 'calendar_feed', entityId: userId, after: { language } });
  });
  return token;
}

export async function turnOffFeed(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (await repo.deleteFeed(tx, userId)) await appendAudit(tx, { actorId: userId, action: 'calendar-feed-delete', entityType: 'calendar_feed', entityId: userId });
  });
}

const addMonths = (date: Date, months: number) => {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** The window a feed covers: three months back, twelve ahead. */
export const feedWindow = (now: Date) => ({ from: addMonths(now, -3), to: addMonths(now, 12) });

/** The feed's events as calendar entries, written in the feed's language. */
export function feedEntries(t: TFunction, lang: string, publicUrl: string, events: repo.FeedEvent[]): CalendarEntry[] {
  return events.map((e) => {
    const collaborative = lang === 'cy' ? e.name_cy : e.name_en;
    const base = `${publicUrl}/collaboratives/${e.collaborative_id}`;
    if (e.kind === 'meeting') {
      const url = `${base}/meetings/${e.id}`;
      const description = [e.detail ? `${t('meetings.fields.agenda')}:\n${e.detail}` : '', url].filter(Boolean).join('\n\n');
      return { uid: `${e.id}@cydwella`, date: e.day, startsAt: e.starts_at, endsAt: e.ends_at, summary: t('meetings.calendar.summary', { title: e.title, collaborative }), location: e.location, description, url };
    }
    if (e.kind === 'progression') return sessionEntry(t, { id: e.id, heldOn: e.day, area: e.area ?? '', progressionStep: e.step ?? 0, focus: e.detail }, collaborative, `${base}/progression/${e.id}`);
    return visitEntry(t, { id: e.id, visitStart: e.day, visitEnd: e.last_day, question: e.detail, hostName: e.title }, collaborative, `${base}/enquiries/${e.id}`);
  });
}

/** A peer-enquiry visit: all day, from its first to its last day, at the host school. */
export function visitEntry(t: TFunction, visit: { id: string; visitStart: string; visitEnd: string | null; question: string; hostName: string; cancelled?: boolean }, collaborative: string, url: string): CalendarEntry {
  return {
    uid: `visit-${visit.id}@cydwella`, date: visit.visitStart, lastDate: visit.visitEnd ?? visit.visitStart,
    summary: t('calendar.visit.summary', { school: visit.hostName, collaborative }), location: visit.hostName,
    description: [visit.question ? `${t('calendar.visit.question')}:\n${visit.question}` : '', url].filter(Boolean).join('\n\n'), url, cancelled: visit.cancelled ?? false,
  };
}
