// The demo school's SLO staff surveys (issue 18): this year's, open with seven answers given through
// its link, so its results page shows figures (5 or more) and its forms can be tried; and last year's,
// closed with nine answers, so the results and the school home show this year beside last year.
// Answers follow fixed patterns, not chance, so the demo reads the same on every start.
import type { Db } from '../db/client.ts';
import { todayInWales } from '../lib/clock.ts';
import { findSchoolContext } from '../school/school-repository.ts';
import { openSloSurvey, submitResponse } from '../features/surveys/survey-service.ts';
import { markClosed, type Survey } from '../features/surveys/survey-repository.ts';
import { SLO_ELEMENTS } from '../features/surveys/slo-model.ts';

/** What seven members of staff said, from strongly agree (5) to don't know (0), as a repeating pattern. */
const PATTERNS = ['5445', '4434', '3443', '4554', '2343', '4405', '5344'];
const COMMENTS: Record<number, { text: string; language: 'en' | 'cy' }> = {
  1: { text: 'Mae amser i gydweithio ar draws y clwstwr wedi gwneud gwahaniaeth eleni.', language: 'cy' },
  4: { text: 'More time to visit other schools in the cluster would help us learn from them.', language: 'en' },
};
/** Last year: nine staff, a little less sure of team learning and enquiry, so this year reads as progress. */
const LAST_YEAR = ['4334', '3324', '4433', '3243', '2332', '4340', '3433', '4423', '3324'];
const LAST_YEAR_COMMENTS: Record<number, { text: string; language: 'en' | 'cy' }> = {
  2: { text: 'We rarely get time to plan together across the phases.', language: 'en' },
  6: { text: "Hoffwn weld mwy o gyfleoedd i ymchwilio i'n harfer ein hunain.", language: 'cy' },
};
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

async function answer(db: Db, survey: Survey, patterns: string[], comments: typeof COMMENTS, now: Date) {
  for (const [i, pattern] of patterns.entries()) {
    const answers: Record<number, string> = {};
    SLO_ELEMENTS.forEach((_, q) => (answers[q + 1] = pattern[(q + i) % pattern.length]!));
    const comment = comments[i];
    await submitResponse(
      db,
      survey,
      { answers, comment: comment?.text ?? '', language: comment?.language ?? (i % 2 ? 'cy' : 'en') },
      null,
      now,
    );
  }
}

export async function loadDemoSurvey(db: Db, schoolNumber: string, headteacher: string, now: Date) {
  const school = await findSchoolContext(db, schoolNumber);
  if (!school) return;
  // Last year's, run a year ago and closed then (the evidence item of that year's cycle is not part of the demo).
  const yearAgo = new Date(now.getTime() - YEAR_MS);
  const last = await openSloSurvey(db, headteacher, school, yearAgo);
  if (last) {
    await answer(db, last, LAST_YEAR, LAST_YEAR_COMMENTS, yearAgo);
    await markClosed(db, last.id, headteacher, todayInWales(yearAgo), yearAgo);
  }
  const survey = await openSloSurvey(db, headteacher, school, now);
  if (survey) await answer(db, survey, PATTERNS, COMMENTS, now);
}
