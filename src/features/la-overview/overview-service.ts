import type { Db } from '../../db/client.ts';
import { findCollaborative, type CollaborativeRecord } from '../../collaboration/collaboration-repository.ts';
import { academicYearSpan, previousTerm, termOf, workingAlone } from '../../collaboration/school-terms.ts';
import { todayInWales } from '../../lib/clock.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { ENQUIRY_STATES } from '../../policy/enquiry-states.ts';
import { activityCounts } from '../reciprocity/reciprocity-repository.ts';
import { openRequestsOfLaSchools } from '../brokering/brokering-repository.ts';
import { collaborativeActivity, membersOf } from './health-repository.ts';
import {
  cellPriorities,
  laCollaborativeNames,
  nationalPriorityNames,
  type CellPriority,
  type Dimension,
} from './local-priorities-repository.ts';
import { keptPictureCounts } from './picture-service.ts';
import { activeOffers, laCollaboratives, schoolsBySector, sharedStrengths } from './overview-repository.ts';

/** Today in Wales, the academic year it falls in, and the "recent" period: the last complete term and this one so far. */
export function periodNow(now: Date) {
  const today = todayInWales(now);
  const year = academicYearOf(new Date(`${today}T12:00:00Z`));
  return { today, year, from: previousTerm(termOf(today)).start, to: today, yearStart: academicYearSpan(year).start };
}

/** Activity per collaborative of the LA that has not closed, by name (never ordered by any count: rule 6). */
async function healthModel(
  db: Db,
  collaboratives: Awaited<ReturnType<typeof laCollaboratives>>,
  period: ReturnType<typeof periodNow>,
) {
  const open = collaboratives.filter((c) => c.status !== 'closed');
  const ids = open.map((c) => c.id);
  const [activity, members] = await Promise.all([collaborativeActivity(db, ids, period), membersOf(db, ids)]);
  const numbers = [...new Set(members.map((m) => m.schoolNumber))];
  const last = new Map(
    (
      await activityCounts(db, numbers, {
        from: period.from,
        to: period.to,
        today: period.today,
        collaborativeId: null,
      })
    ).map((a) => [a.school, a.lastActivity]),
  );
  const alone = (n: string) => workingAlone(last.get(n) ?? null, period.today);
  return open.map((c) => {
    const mine = members.filter((m) => m.collaborativeId === c.id);
    const { shares, meetings, enquiries } = activity.get(c.id)!;
    const stateOrder = (state: string) => (ENQUIRY_STATES as readonly string[]).indexOf(state);
    return {
      ...c,
      shares,
      meetings,
      enquiries: enquiries.toSorted((a, b) => stateOrder(a.state) - stateOrder(b.state)),
      alone: mine.filter((m) => alone(m.schoolNumber)).length,
    };
  });
}

/** What the overview shows, as data: the route turns the picture's counts into rows and columns in the reader's language. */
export async function overviewData(db: Db, laCode: string, dimension: Dimension, now: Date) {
  const period = periodNow(now);
  const [sectors, collaboratives, counts, national, collaborativeNames, offers, requests] = await Promise.all([
    schoolsBySector(db, laCode),
    laCollaboratives(db, laCode),
    keptPictureCounts(db, laCode, period.year, dimension),
    nationalPriorityNames(db),
    laCollaborativeNames(db, laCode),
    activeOffers(db, laCode),
    openRequestsOfLaSchools(db, laCode),
  ]);
  const strengths = offers.length ? [] : await sharedStrengths(db, laCode, period.year);
  return {
    period,
    sectors,
    schoolTotal: sectors.reduce((sum, s) => sum + s.schools, 0),
    collaboratives,
    offers,
    strengths,
    requests: requests.map((r) => ({
      id: r.request.id,
      need: r.request.need,
      language: r.request.language,
      // The theme, never the priority's title: a school's priorities stay its own (the broker reads the need).
      nifTheme: r.nifTheme,
      schoolNumber: r.request.schoolNumber,
      schoolName: r.schoolName,
      broker: r.brokerEn ? { nameEn: r.brokerEn, nameCy: r.brokerCy } : null,
    })),
    picture: { counts, names: { national, collaboratives: collaborativeNames } },
    health: await healthModel(db, collaboratives, period),
  };
}

/**
 * Where each priority behind a cell may be read by this user: the school's own page when the school
 * shared it with this LA (the school page lets the LA's staff read what was shared with the LA),
 * else a collaborative's shared item when this user may enter that collaborative's space, else
 * nowhere (plain text). mayEnterSpace asks the reader's own rights (the caller holds the request).
 */
export async function drillDown(
  db: Db,
  mayEnterSpace: (collaborative: CollaborativeRecord) => Promise<boolean>,
  laCode: string,
  dimension: Dimension,
  cell: { theme: string; col: string },
  now: Date,
) {
  const period = periodNow(now);
  const items = await cellPriorities(db, laCode, period.year, dimension, cell);
  const collaboratives = [...new Set(items.flatMap((i) => i.collaboratives))];
  const spaces = new Set<string>();
  for (const id of collaboratives) {
    const c = await findCollaborative(db, id);
    if (c && (await mayEnterSpace(c))) spaces.add(id);
  }
  const hrefOf = (i: CellPriority) => {
    if (i.viaLa && i.schoolLa === laCode) return `/schools/${i.schoolNumber}/priorities/${i.id}`;
    const space = i.collaboratives.find((id) => spaces.has(id));
    return space ? `/collaboratives/${space}/shared/priority/${i.id}` : null;
  };
  return { period, items: items.map((i) => ({ ...i, href: hrefOf(i) })) };
}
