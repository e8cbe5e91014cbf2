// What an item's page shows of its governors' questions: its threads, each with what this reader may
// do in it, and whether they may start one. Null for a reader who may not read them (the LA, say):
// the page then shows nothing of them.
import type { Db } from '../db/client.ts';
import { questionCan } from '../policy/governor-question-policy.ts';
import type { CurrentUser } from '../policy/roles.ts';
import { governsSchool, staffRole, type SchoolContext } from '../policy/school-policy.ts';
import { countOpenQuestions } from './question-list-repository.ts';
import { isOpenToGovernors, threadsOf, type ThreadItemType, type ThreadStatus } from './question-repository.ts';

export async function questionsModel(
  db: Db,
  user: CurrentUser | null,
  school: SchoolContext,
  itemType: ThreadItemType,
  itemId: string,
) {
  const item = { openToGovernors: await isOpenToGovernors(db, itemType, itemId) };
  const can = questionCan(user, school, item);
  if (!can.read) return null;
  const threads = await threadsOf(db, school.number, itemType, itemId);
  return {
    itemType,
    itemId,
    action: `/schools/${school.number}/questions`,
    canAsk: can.ask,
    // A practitioner reads the threads; the page says who answers them.
    readOnly: staffRole(user, school) === 'practitioner' && !can.ask,
    threads: threads.map((thread) => ({
      ...thread,
      can: questionCan(user, school, item, { askedBy: thread.askedBy, status: thread.status as ThreadStatus }),
    })),
  };
}
export type QuestionsModel = Awaited<ReturnType<typeof questionsModel>>;

/** How many questions wait for the school's answer, for the school's staff and its governors (null for anyone else). */
export async function openQuestionCount(db: Db, user: CurrentUser | null, school: SchoolContext) {
  const staff = staffRole(user, school) !== null;
  if (!staff && !governsSchool(user, school)) return null;
  return { count: await countOpenQuestions(db, school.number, { governorsOnly: !staff }) };
}
