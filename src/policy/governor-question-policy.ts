// Governors' questions and comments (issue 15, part 5). A governor of the school's governing body
// asks about the plan, a revision of it, or anything the school shared with its governors; the
// school's headteacher and leaders (who edit the plan and its items) answer; the body's governors
// follow up. The school's practitioners read the threads (the items are the school's own, and
// theirs to read) but do not answer for the school. Nobody else reads them: the LA reads what is
// shared with it, never the governing body's conversation with its school.
import { governsSchool, staffRole, type SchoolContext } from './school-policy.ts';
import type { CurrentUser } from './roles.ts';

export type ThreadStatus = 'open' | 'answered' | 'closed';

/** What the decision needs of the item: whether the governors may read it (the plan, or shared with them). */
export type QuestionItem = { openToGovernors: boolean };
/** What it needs of the thread, when there is one. */
export type QuestionThread = { askedBy: string; status: ThreadStatus };

export function questionCan(
  user: CurrentUser | null,
  school: SchoolContext,
  item: QuestionItem,
  thread: QuestionThread | null = null,
) {
  const role = staffRole(user, school);
  const leader = role === 'headteacher' || role === 'school_leader';
  const governor = governsSchool(user, school) && item.openToGovernors;
  const live = thread !== null && thread.status !== 'closed';
  return {
    read: role !== null || governor,
    ask: governor,
    // A leader writes for the school: that answers the question.
    answer: live && leader,
    // A governor of the body follows up (the asker, or another governor), unless they lead the school.
    reply: live && governor && !leader,
    // The school's leaders close a thread, and so does the governor who opened it.
    close: live && (leader || (governor && thread.askedBy === user?.id)),
  };
}
export type QuestionCan = ReturnType<typeof questionCan>;
