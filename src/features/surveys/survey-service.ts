import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { todayInWales } from '../../lib/clock.ts';
import type { SchoolCan, SchoolContext } from '../../policy/school-policy.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { createEvidence } from '../evidence/evidence-service.ts';
import { SLO_ELEMENTS } from './slo-model.ts';
import * as repo from './survey-repository.ts';
import { summarise, type Summary } from './survey-summary.ts';

export const COMMENT_MAX = 2_000;

/** The school's SLO survey of its staff for this academic year, opened with the model's elements. */
export async function openSloSurvey(db: Db, actorId: string, school: SchoolContext, now: Date) {
  const academicYear = academicYearOf(now);
  return db.transaction(async (tx) => {
    const survey = await repo.insertSurvey(tx, {
      schoolNumber: school.number,
      kind: 'slo',
      audience: 'staff',
      academicYear,
      token: randomBytes(32).toString('base64url'),
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    });
    if (!survey) return null;
    await repo.insertQuestions(
      tx,
      SLO_ELEMENTS.map((e, i) => ({ surveyId: survey.id, position: i + 1, code: e.code, kind: 'agreement' })),
    );
    await appendAudit(tx, {
      actorId,
      action: 'survey-open',
      entityType: 'survey',
      entityId: survey.id,
      after: { school: school.number, kind: 'slo', audience: 'staff', academicYear },
    });
    return survey;
  });
}

/** Answers as posted: the value for each question position ("0" to "5"), or nothing. */
export type ResponseInput = { answers: Record<number, string | undefined>; comment: string; language: 'en' | 'cy' };
export type SubmitResult = { ok: true } | { ok: false; reason: 'closed' | 'already' | 'empty' | 'invalid' };

/**
 * Keeps one anonymous response (issue 18, part 3). Nobody, administrators reading the database
 * included, may pair an account with its answers, so:
 * - who has answered (`survey_participants`, with its audit entry naming the account) and the
 *   response are written in separate transactions, never sharing a transaction id (xmin);
 * - the response's audit entry names no account and no response, only the survey;
 * - the response transaction rewrites the new response together with up to RESPONSE_MIX earlier
 *   ones of the survey, in a random order (see repo.insertResponse), so they all carry the same
 *   xmin and a shuffled physical place (ctid): neither the transaction ids nor the order of rows
 *   pair the nth participant with the nth response.
 * Residual risk, by design out of reach of storage layout: someone who reads the database (or the
 * audit log's times) between two answers sees which response appeared, and dead row versions keep
 * their old xmin until vacuum runs. The day, not the time, is all a response keeps.
 */
export async function submitResponse(
  db: Db,
  survey: repo.Survey,
  input: ResponseInput,
  participant: string | null,
  now: Date,
): Promise<SubmitResult> {
  if (survey.state !== 'open') return { ok: false, reason: 'closed' };
  // A school's own survey is answered through its link, each answer checked against its question.
  if (survey.kind !== 'slo') return { ok: false, reason: 'invalid' };
  if (input.comment.length > COMMENT_MAX) return { ok: false, reason: 'invalid' };
  const questions = await repo.questionsOf(db, survey.id);
  const answers: { questionId: string; value: number }[] = [];
  for (const q of questions) {
    const raw = input.answers[q.position];
    if (raw === undefined || raw === '') continue;
    if (!/^[0-5]$/.test(raw)) return { ok: false, reason: 'invalid' };
    answers.push({ questionId: q.id, value: Number(raw) });
  }
  if (!answers.length && !input.comment.trim()) return { ok: false, reason: 'empty' };
  return keepResponse(
    db,
    survey.id,
    { surveyId: survey.id, answeredOn: todayInWales(now), language: input.language, comment: input.comment.trim() },
    answers,
    participant ? participantClaim(survey.id, participant) : null,
  );
}

/**
 * What limits a respondent to one answer, recorded in its own transaction before the response: the
 * account's participation in the service, a single-use invitation on a printed slip.
 */
export type Claim = {
  /** Records the claim with its audit entry; false when it was spent already. */
  take: (tx: Db) => Promise<boolean>;
  /** Gives it back when the response could not be kept. */
  undo: (tx: Db) => Promise<void>;
};

const participantClaim = (surveyId: string, participant: string): Claim => ({
  take: async (tx) => {
    if (!(await repo.addParticipant(tx, surveyId, participant))) return false;
    await appendAudit(tx, {
      actorId: participant,
      action: 'survey-participate',
      entityType: 'survey',
      entityId: surveyId,
    });
    return true;
  },
  undo: async (tx) => {
    await repo.removeParticipant(tx, surveyId, participant);
    await appendAudit(tx, {
      actorId: participant,
      action: 'survey-participate',
      entityType: 'survey',
      entityId: surveyId,
      after: { undone: true },
    });
  },
});

/** Takes the claim, then keeps the response apart from it: see submitResponse. */
export async function keepResponse(
  db: Db,
  surveyId: string,
  response: repo.NewResponse,
  answers: repo.NewAnswer[],
  claim: Claim | null,
): Promise<SubmitResult> {
  if (claim && !(await db.transaction((tx) => claim.take(tx)))) return { ok: false, reason: 'already' };
  try {
    await db.transaction(async (tx) => {
      await repo.insertResponse(tx, response, answers);
      await appendAudit(tx, { actorId: null, action: 'survey-answer', entityType: 'survey', entityId: surveyId });
    });
  } catch (error) {
    // The answer was not kept: free the respondent to answer again, openly in the audit log.
    if (claim) await db.transaction((tx) => claim.undo(tx));
    throw error;
  }
  return { ok: true };
}

export async function surveySummary(db: Db, surveyId: string): Promise<Summary> {
  const [responses, views, counts] = await Promise.all([
    repo.responseCount(db, surveyId),
    repo.dimensionViews(db, surveyId),
    repo.answerCounts(db, surveyId),
  ]);
  return summarise({ responses, dimensionViews: views, counts });
}

export type CloseResult = { ok: true; evidenceId: string } | { ok: false; reason: 'closed' };

/**
 * Closes the survey and records it as an evidence item of the school's current cycle (issue 18, part
 * 4), through the evidence service so its audit entry and search text are those of any other item.
 */
export async function closeSurvey(
  db: Db,
  actorId: string,
  school: SchoolContext,
  can: SchoolCan,
  survey: repo.Survey,
  /** The item's title and text in the closer's language, from the figures (the caller words them). */
  describe: (summary: Summary) => { title: string; body: string; language: 'en' | 'cy' },
  now: Date,
): Promise<CloseResult> {
  return closeIntoEvidence(db, actorId, school, can, survey, now, async (tx) => {
    const summary = await surveySummary(tx, survey.id);
    return { responses: summary.responses, text: describe(summary) };
  });
}

/**
 * Closes any survey into an evidence item (source "survey", figures only), in one transaction: a
 * survey is never closed without its evidence item, nor recorded twice. `summarise` reads the
 * figures inside that transaction and words the item.
 */
export async function closeIntoEvidence(
  db: Db,
  actorId: string,
  school: SchoolContext,
  can: SchoolCan,
  survey: repo.Survey,
  now: Date,
  summarise: (tx: Db) => Promise<{ responses: number; text: { title: string; body: string; language: 'en' | 'cy' } }>,
): Promise<CloseResult> {
  const today = todayInWales(now);
  return db.transaction(async (tx): Promise<CloseResult> => {
    const row = await repo.markClosed(tx, survey.id, actorId, today, now);
    if (!row) return { ok: false, reason: 'closed' };
    const { responses, text } = await summarise(tx);
    const item = await createEvidence(
      tx,
      actorId,
      school,
      can,
      {
        source: 'survey',
        observedOn: today,
        firstHand: true,
        fromBeyond: false,
        title: text.title,
        body: text.body,
        language: text.language,
        nifThemes: [],
        areas: [],
        principles: [],
        learnerGroups: [],
        nationalPriorities: [],
      },
      [],
      [],
      now,
    );
    await repo.setEvidence(tx, survey.id, item.id);
    await appendAudit(tx, {
      actorId,
      action: 'survey-close',
      entityType: 'survey',
      entityId: survey.id,
      before: { state: 'open' },
      after: { state: 'closed', closedOn: today, evidence: item.id, responses },
    });
    return { ok: true, evidenceId: item.id };
  });
}
