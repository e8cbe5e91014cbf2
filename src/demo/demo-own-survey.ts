// The demo school's own surveys (issue 18, part 2): a draft survey of parents and carers, built
// from the library, so the builder can be tried; and an open survey of learners with six answers
// through its link, so its results show (5 or more) and it can be shared and closed. Fixed answers.
import type { Db } from '../db/client.ts';
import { findSchoolContext } from '../school/school-repository.ts';
import { QUESTION_LIBRARY } from '../features/surveys/own/question-library.ts';
import {
  addLibraryQuestions,
  createOwnSurvey,
  openOwnSurvey,
  submitOwnResponse,
} from '../features/surveys/own/own-service.ts';

const codes = (audience: 'families' | 'learners', picks: number[]) =>
  picks.map((i) => QUESTION_LIBRARY[audience][i]!.code);

/** Six learners' answers: the agreement questions 1-3, the choice 4, and words for 5 now and then. */
const ANSWERS: { values: string[]; words: string; language: 'en' | 'cy' }[] = [
  { values: ['5', '4', '4', '2'], words: 'Y clwb garddio', language: 'cy' },
  { values: ['4', '4', '3', '1'], words: 'Playtime football', language: 'en' },
  { values: ['4', '5', '4', '2'], words: '', language: 'cy' },
  { values: ['3', '4', '2', '3'], words: 'Tripiau ysgol', language: 'cy' },
  { values: ['5', '3', '4', '2'], words: 'Reading corner', language: 'en' },
  { values: ['4', '4', '0', '4'], words: 'Our teachers', language: 'en' },
];

export async function loadDemoOwnSurveys(db: Db, schoolNumber: string, headteacher: string, now: Date) {
  const school = await findSchoolContext(db, schoolNumber);
  if (!school) return;
  const draft = await createOwnSurvey(
    db,
    headteacher,
    school,
    { audience: 'families', title: { en: 'Parents and carers survey', cy: 'Arolwg rhieni a gofalwyr' } },
    now,
  );
  await addLibraryQuestions(db, headteacher, draft, codes('families', [0, 3, 8, 9, 11]));
  const learners = await createOwnSurvey(
    db,
    headteacher,
    school,
    { audience: 'learners', title: { en: 'Learners: how is school?', cy: 'Dysgwyr: sut mae yn yr ysgol?' } },
    now,
  );
  await addLibraryQuestions(db, headteacher, learners, codes('learners', [0, 2, 7, 8, 10]));
  await openOwnSurvey(db, headteacher, learners, now);
  const open = { ...learners, state: 'open' };
  for (const a of ANSWERS) {
    const values = Object.fromEntries(a.values.map((v, i) => [i + 1, v]));
    await submitOwnResponse(db, open, { values, texts: { 5: a.words }, language: a.language }, null, now);
  }
}
