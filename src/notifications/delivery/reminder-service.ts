// The daily reminder scan (issue 12): records an event of a reminder kind for each thing whose time
// is near, for the people it waits on, and the relay and delivery tell them like any other event.
// Each reminder has a stable subject id, so running the scan again (a retry, a second instance, a
// second run the same day) records nothing new:
// - an LA plan not yet submitted, its round's deadline within a week: once per plan and deadline,
//   to the LA's officers;
// - a concern case with an open support item to review within a week: once per case and review
//   date, to its restricted people only (the LA's officers, the school's headteacher and chair of
//   governors; never other governors or staff);
// - the latest plan revision still waiting for the governing body's approval a week or more after
//   it was made: once per week of waiting, to the school's governors and chair;
// - an action led by a person, not done, due within a week (once per action and due date), and
//   again the day after it was due (once per action and due date; a scan missed for a few days
//   still catches up, but an action long overdue when owners became people is not announced), to
//   its owner only, while they may still open it (action-reminder-repository.ts).
import type { Db } from '../../db/client.ts';
import { addDaysTo, todayInWales } from '../../lib/clock.ts';
import type { EventKind } from '../event-kinds.ts';
import { recordEvent, type EventInput } from '../events-repository.ts';
import * as repo from './reminder-repository.ts';
import { ownedActionsDueBetween } from './action-reminder-repository.ts';
import { eventPlaceOf } from '../../actions/action-rows-repository.ts';
import { ACTION_SUBJECT_TYPES, actionParams } from '../action-params.ts';

export const REMINDER_DAYS = 7;
const REMINDER_KINDS: EventKind[] = [
  'plan_round_deadline_near',
  'concern_review_due',
  'approval_waiting',
  'action_due_soon',
  'action_overdue',
];
/** How many days back an overdue action is still told of (the scan may have missed a day or two). */
const OVERDUE_CATCH_UP_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Both titles when a round has them in two languages: the message is read in either. */
const bilingual = (en: string, cy: string) => (en === cy || !cy ? en : `${en} / ${cy}`);

/** Returns the reminders recorded by this run. */
export async function scanReminderEvents(db: Db, now: Date): Promise<EventInput[]> {
  return db.transaction(async (tx) => {
    await repo.lockReminderScan(tx);
    const today = todayInWales(now);
    const horizon = todayInWales(addDaysTo(now, REMINDER_DAYS));
    const candidates: EventInput[] = [];

    for (const plan of await repo.draftPlansDueBetween(tx, today, horizon)) {
      candidates.push({
        kind: 'plan_round_deadline_near',
        actorId: null,
        subject: { type: 'la_plan', id: `${plan.planId}:${plan.deadline}` },
        link: `/plans/${plan.planId}`,
        laCode: plan.laCode,
        audience: await repo.peopleHolding(tx, [{ role: 'la_officer', scopeId: plan.laCode }]),
        params: { title: bilingual(plan.titleEn, plan.titleCy), date: plan.deadline },
      });
    }

    for (const review of await repo.caseReviewsBetween(tx, today, horizon)) {
      const restricted: repo.Holder[] = [
        { role: 'la_officer', scopeId: review.laCode },
        { role: 'headteacher', scopeId: review.schoolNumber },
      ];
      if (review.governingBodyId) restricted.push({ role: 'chair_of_governors', scopeId: review.governingBodyId });
      candidates.push({
        kind: 'concern_review_due',
        actorId: null,
        subject: { type: 'concern_case', id: `${review.caseId}:${review.reviewOn}` },
        link: `/concern-cases/${review.caseId}`,
        // The rule table tells only the case's restricted people of a concern review (the LA's
        // officers, the school's headteacher and chair): the school and LA say whose they are.
        schoolNumber: review.schoolNumber,
        laCode: review.laCode,
        audience: await repo.peopleHolding(tx, restricted),
        params: { title: review.schoolName, date: review.reviewOn },
      });
    }

    for (const revision of await repo.revisionsWaitingSince(tx, addDaysTo(now, -REMINDER_DAYS))) {
      if (!revision.governingBodyId) continue; // no governing body to approve it
      const weeks = Math.floor((now.getTime() - revision.createdAt.getTime()) / (REMINDER_DAYS * DAY_MS));
      candidates.push({
        kind: 'approval_waiting',
        actorId: null,
        subject: { type: 'plan_revision', id: `${revision.revisionId}:week-${weeks}` },
        link: `/schools/${revision.schoolNumber}/plan/revisions/${revision.number}`,
        schoolNumber: revision.schoolNumber,
        audience: await repo.peopleHolding(tx, [
          { role: 'governor', scopeId: revision.governingBodyId },
          { role: 'chair_of_governors', scopeId: revision.governingBodyId },
          { role: 'clerk', scopeId: revision.governingBodyId },
        ]),
        params: {
          school: revision.schoolName,
          number: String(revision.number),
          date: todayInWales(revision.createdAt),
        },
      });
    }

    const overdueFrom = todayInWales(addDaysTo(now, -OVERDUE_CATCH_UP_DAYS));
    for (const action of await ownedActionsDueBetween(tx, overdueFrom, horizon)) {
      candidates.push({
        kind: action.dueOn < today ? 'action_overdue' : 'action_due_soon',
        actorId: null,
        subject: { type: ACTION_SUBJECT_TYPES[action.kind], id: `${action.id}:${action.dueOn}` },
        link: action.href,
        ...eventPlaceOf(action),
        audience: [action.ownerUserId],
        params: { ...actionParams(action.kind, action.description, action.place), date: action.dueOn },
      });
    }

    const recorded = await repo.recordedReminders(
      tx,
      REMINDER_KINDS,
      candidates.map((c) => c.subject.id),
    );
    const fresh = candidates.filter((c) => !recorded.has(`${c.kind} ${c.subject.id}`) && c.audience!.length > 0);
    for (const reminder of fresh) await recordEvent(tx, reminder);
    return fresh;
  });
}
