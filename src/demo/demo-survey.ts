// The demo school's SLO staff survey (issue 18), open with seven answers given through its link,
// so its results page shows figures (5 or more) and its forms can be tried. Answers follow a
// fixed pattern, not chance, so the demo reads the same on every start.
import type { Db } from '../db/client.ts';
import { findSchoolContext } from '../school/school-repository.ts';
import { openSloSurvey, submitResponse } from '../features/surveys/survey-service.ts';
import { SLO_ELEMENTS } from '../features/surveys/slo-model.ts';

/** What seven members of staff said, from strongly agree (5) to don't know (0), as a repeating pattern. */
const PATTERNS = ['5445', '4434', '3443', '4554', '2343', '4405', '5344'];
const COMMENTS: Record<number, { text: string; language: 'en' | 'cy' }> = {
  1: { text: 'Mae amser i gydweithio ar draws y clwstwr wedi gwneud gwahaniaeth eleni.', language: 'cy' },
  4: { text: 'More time to visit other schools in the cluster would help us learn from them.', language: 'en' },
};

export async function loadDemoSurvey(db: Db, schoolNumber: string, headteacher: string, now: Date) {
  const school = await findSchoolContext(db, schoolNumber);
  const survey = school && (await openSloSurvey(db, headteacher, school, now));
  if (!survey) return;
  for (const [i, pattern] of PATTERNS.entries()) {
    const answers: Record<number, string> = {};
    SLO_ELEMENTS.forEach((_, q) => (answers[q + 1] = pattern[(q + i) % pattern.length]!));
    const comment = COMMENTS[i];
    await submitResponse(
      db,
      survey,
      { answers, comment: comment?.text ?? '', language: comment?.language ?? (i % 2 ? 'cy' : 'en') },
      null,
      now,
    );
  }
}
