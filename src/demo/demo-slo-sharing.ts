// Other Cardiff schools' SLO staff surveys of last year, closed and shared with the LA and Wales
// (and the Bro Edern cluster, for its members), so the LA's and WG's SLO pictures show figures in
// the demo (issue 18, part 5): five schools counted, the demo school's own consent making six.
// No account opened them (the demo's people belong to the demo school); patterns are fixed, not chance.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { todayInWales } from '../lib/clock.ts';
import { academicYearOf } from '../reference/reference-data.ts';
import { SLO_ELEMENTS } from '../features/surveys/slo-model.ts';
import { insertShare } from '../features/surveys/slo-sharing/share-repository.ts';
import { insertQuestions, insertSurvey, markClosed } from '../features/surveys/survey-repository.ts';
import { submitResponse } from '../features/surveys/survey-service.ts';

/** Each school's staff, as repeating answer patterns: from a school that agrees widely to one less sure. */
const SCHOOL_PATTERNS = [
  ['5445', '4454', '5544', '4545', '4444', '5455', '4354', '5444'],
  ['4434', '3443', '4344', '4443', '3434', '4334'],
  ['4323', '3432', '2434', '4343', '3324', '4233', '3443'],
  ['5554', '5455', '4555', '5545', '4554', '5544'],
  ['3423', '4342', '2343', '3434', '4324', '3243', '4432', '3334', '4343'],
];
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export async function loadDemoSloSharing(
  db: Db,
  schoolNumbers: string[],
  cluster: { id: string; members: string[] },
  now: Date,
) {
  const at = new Date(now.getTime() - YEAR_MS);
  for (const [i, schoolNumber] of schoolNumbers.entries()) {
    const survey = await insertSurvey(db, {
      schoolNumber,
      kind: 'slo',
      audience: 'staff',
      academicYear: academicYearOf(at),
      token: randomBytes(32).toString('base64url'),
      createdAt: at,
      updatedAt: at,
    });
    if (!survey) continue;
    await insertQuestions(
      db,
      SLO_ELEMENTS.map((e, q) => ({ surveyId: survey.id, position: q + 1, code: e.code, kind: 'agreement' })),
    );
    const patterns = SCHOOL_PATTERNS[i % SCHOOL_PATTERNS.length]!;
    for (const [r, pattern] of patterns.entries()) {
      const answers: Record<number, string> = {};
      SLO_ELEMENTS.forEach((_, q) => (answers[q + 1] = pattern[(q + r) % pattern.length]!));
      await submitResponse(db, survey, { answers, comment: '', language: r % 2 ? 'cy' : 'en' }, null, at);
    }
    await markClosed(db, survey.id, null, todayInWales(at), at);
    const audiences = [
      { audience: 'la', audienceId: '' },
      { audience: 'national', audienceId: '' },
      ...(cluster.members.includes(schoolNumber) ? [{ audience: 'collaborative', audienceId: cluster.id }] : []),
    ];
    for (const a of audiences) await insertShare(db, { ...a, surveyId: survey.id, schoolNumber, sharedAt: at });
  }
}
