// SLO surveys with answers, for the year-on-year and sharing tests (issue 18): opened through the
// service at the given moment, answered through the link (no account), closed when asked.
import type { Db } from '../../src/db/client.ts';
import { todayInWales } from '../../src/lib/clock.ts';
import { findSchoolContext } from '../../src/school/school-repository.ts';
import { SLO_ELEMENTS } from '../../src/features/surveys/slo-model.ts';
import { markClosed } from '../../src/features/surveys/survey-repository.ts';
import { openSloSurvey, submitResponse } from '../../src/features/surveys/survey-service.ts';

export const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** A survey of the school at `at`, with one response per value in `answers` (each response gives that value to every element). */
export async function buildSloSurvey(
  db: Db,
  options: { schoolNumber: string; headteacherId: string; at: Date; answers: string[]; close: boolean },
) {
  const school = (await findSchoolContext(db, options.schoolNumber))!;
  const survey = (await openSloSurvey(db, options.headteacherId, school, options.at))!;
  for (const value of options.answers) {
    const answers = Object.fromEntries(SLO_ELEMENTS.map((_, i) => [i + 1, value]));
    await submitResponse(db, survey, { answers, comment: '', language: 'en' }, null, options.at);
  }
  if (options.close)
    return (await markClosed(db, survey.id, options.headteacherId, todayInWales(options.at), options.at))!;
  return survey;
}
