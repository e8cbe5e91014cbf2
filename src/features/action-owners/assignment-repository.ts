// Where an action is (issue 13): its page (the one My actions links to) and its school,
// collaborative or LA, for the message that tells its new owner.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collaboratives,
  concernCases,
  concernSupportItems,
  laCycles,
  laPriorities,
  laPriorityActions,
  localAuthorities,
  meetingActions,
  meetings,
  planActions,
  priorities,
  schools,
} from '../../db/schema/index.ts';
import type { ActionTable } from '../../notifications/action-params.ts';

export type ActionPlace = {
  href: string;
  place: { en: string; cy: string };
  schoolNumber?: string;
  collaborativeId?: string;
  laCode?: string;
};

export async function actionPlace(db: Db, table: ActionTable, id: string): Promise<ActionPlace | null> {
  switch (table) {
    case 'plan': {
      const [r] = await db
        .select({ priorityId: priorities.id, number: schools.number, name: schools.name, laCode: schools.laCode })
        .from(planActions)
        .innerJoin(priorities, eq(priorities.id, planActions.priorityId))
        .innerJoin(schools, eq(schools.number, priorities.schoolNumber))
        .where(eq(planActions.id, id));
      return r
        ? {
            href: `/schools/${r.number}/plan#priority-${r.priorityId}`,
            place: { en: r.name, cy: r.name },
            schoolNumber: r.number,
            laCode: r.laCode,
          }
        : null;
    }
    case 'meeting': {
      const [r] = await db
        .select({
          meetingId: meetings.id,
          collaborativeId: collaboratives.id,
          nameEn: collaboratives.nameEn,
          nameCy: collaboratives.nameCy,
        })
        .from(meetingActions)
        .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
        .innerJoin(collaboratives, eq(collaboratives.id, meetings.collaborativeId))
        .where(eq(meetingActions.id, id));
      return r
        ? {
            href: `/collaboratives/${r.collaborativeId}/meetings/${r.meetingId}`,
            place: { en: r.nameEn, cy: r.nameCy },
            collaborativeId: r.collaborativeId,
          }
        : null;
    }
    case 'la': {
      const [r] = await db
        .select({
          priorityId: laPriorities.id,
          laCode: laCycles.laCode,
          nameEn: localAuthorities.nameEn,
          nameCy: localAuthorities.nameCy,
        })
        .from(laPriorityActions)
        .innerJoin(laPriorities, eq(laPriorities.id, laPriorityActions.priorityId))
        .innerJoin(laCycles, eq(laCycles.id, laPriorities.cycleId))
        .innerJoin(localAuthorities, eq(localAuthorities.code, laCycles.laCode))
        .where(eq(laPriorityActions.id, id));
      return r
        ? {
            href: `/local-authorities/${r.laCode}/self-evaluation/priorities/${r.priorityId}`,
            place: { en: r.nameEn, cy: r.nameCy },
            laCode: r.laCode,
          }
        : null;
    }
    case 'concern': {
      const [r] = await db
        .select({ caseId: concernCases.id, laCode: concernCases.laCode, number: schools.number, name: schools.name })
        .from(concernSupportItems)
        .innerJoin(concernCases, eq(concernCases.id, concernSupportItems.caseId))
        .innerJoin(schools, eq(schools.number, concernCases.schoolNumber))
        .where(eq(concernSupportItems.id, id));
      return r
        ? {
            href: `/concern-cases/${r.caseId}`,
            place: { en: r.name, cy: r.name },
            schoolNumber: r.number,
            laCode: r.laCode,
          }
        : null;
    }
  }
}
