// The demo governor's questions (issue 15, part 5), through the questions' own service as a governor
// and the headteacher would: one still waiting for an answer on the writing priority, and one the
// headteacher answered on attendance. Both priorities are shared with the governors.
import type { Db } from '../db/client.ts';
import { addMessage, askQuestion, type ItemNamer } from '../governor-questions/question-service.ts';
import { threadsOf } from '../governor-questions/question-repository.ts';
import type { CurrentUser } from '../policy/roles.ts';
import { findSchoolContext } from '../school/school-repository.ts';

// Both items have titles of their own, so no message needs an item's name.
const untitled: ItemNamer = () => ({ en: '', cy: '' });

export async function loadDemoGovernorQuestions(
  db: Db,
  input: { school: string; governor: string; headteacher: string; writingId: string; attendanceId: string },
  now: Date,
) {
  const school = await findSchoolContext(db, input.school);
  if (!school?.governingBodyId) return;
  const person = (id: string, role: 'governor' | 'headteacher', scopeId: string): CurrentUser => ({
    id,
    email: '',
    displayName: '',
    assignments: [{ role, scopeType: role === 'governor' ? 'governing_body' : 'school', scopeId }],
  });
  const governor = person(input.governor, 'governor', school.governingBodyId);
  const headteacher = person(input.headteacher, 'headteacher', school.number);
  const earlier = new Date(now.getTime() - 6 * 24 * 60 * 60 * 1000);
  await askQuestion(
    db,
    governor,
    school,
    {
      itemType: 'priority',
      itemId: input.attendanceId,
      kind: 'question',
      body: 'What does the school do when a learner who is often absent misses the first day of a week? Do families hear from us that morning?',
      language: 'en',
    },
    earlier,
    untitled,
  );
  const [asked] = await threadsOf(db, school.number, 'priority', input.attendanceId);
  if (asked)
    await addMessage(
      db,
      headteacher,
      school,
      asked.id,
      {
        body: "Ydyn. Mae ein swyddog lles teuluoedd yn ffonio'r teulu cyn 10 o'r gloch ar fore cyntaf pob absenoldeb, ac yn cynnig cyfarfod ar ôl tri diwrnod. Byddwn yn rhannu ffigurau'r tymor gyda'r corff llywodraethu ym mis Chwefror.",
        language: 'cy',
      },
      new Date(earlier.getTime() + 24 * 60 * 60 * 1000),
      untitled,
    );
  await askQuestion(
    db,
    governor,
    school,
    {
      itemType: 'priority',
      itemId: input.writingId,
      kind: 'question',
      body: 'How will we know by the spring whether extended writing in Welsh is improving for boys as well as for girls?',
      language: 'en',
    },
    now,
    untitled,
  );
}
