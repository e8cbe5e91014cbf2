// A school's own survey (issue 18, part 2): built as a draft by a leader, opened, answered through
// its link (or a single-use invitation) with no account, and closed into an evidence item.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import { appendAudit } from '../../../audit/audit-repository.ts';
import { todayInWales } from '../../../lib/clock.ts';
import type { SchoolCan, SchoolContext } from '../../../policy/school-policy.ts';
import { academicYearOf } from '../../../reference/reference-data.ts';
import * as repo from '../survey-repository.ts';
import { closeIntoEvidence, keepResponse, type Claim, type CloseResult, type SubmitResult } from '../survey-service.ts';
import { libraryQuestion, type Audience } from './question-library.ts';
import * as own from './own-repository.ts';
import { summariseOwn, type OwnSummary } from './own-summary.ts';

/** A short questionnaire: enough to ask what matters, short enough to finish on a phone. */
export const MAX_OWN_QUESTIONS = 20;
export const TEXT_ANSWER_MAX = 1_000;
/** Invitations made at once: a year group's families, a school's staff. */
export const MAX_INVITATIONS = 300;

type Result = { ok: true } | { ok: false; reason: 'state' | 'full' | 'missing' };
const audit = (tx: Db, actorId: string, action: string, surveyId: string, after?: unknown) =>
  appendAudit(tx, { actorId, action, entityType: 'survey', entityId: surveyId, after });

export async function createOwnSurvey(
  db: Db,
  actorId: string,
  school: SchoolContext,
  input: { audience: Audience; title: Record<string, string> },
  now: Date,
) {
  const academicYear = academicYearOf(now);
  return db.transaction(async (tx) => {
    const survey = await repo.insertSurvey(tx, {
      schoolNumber: school.number,
      kind: 'own',
      audience: input.audience,
      academicYear,
      title: input.title,
      state: 'draft',
      token: randomBytes(32).toString('base64url'),
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    });
    if (!survey) throw new Error('an own survey is never refused by the SLO index');
    await audit(tx, actorId, 'survey-create', survey.id, {
      school: school.number,
      kind: 'own',
      audience: input.audience,
      title: input.title,
    });
    return survey;
  });
}

/** Runs a change to a draft's questions, refused once the survey is open (answers rest on them). */
async function inDraft(db: Db, survey: repo.Survey, change: (tx: Db) => Promise<Result>): Promise<Result> {
  if (survey.kind !== 'own' || survey.state !== 'draft') return { ok: false, reason: 'state' };
  return db.transaction(change);
}

export async function addLibraryQuestions(db: Db, actorId: string, survey: repo.Survey, codes: string[]) {
  const chosen = codes.map((c) => libraryQuestion(survey.audience as Audience, c));
  if (!chosen.length || chosen.some((q) => !q)) return { ok: false, reason: 'missing' } as const;
  return inDraft(db, survey, async (tx) => {
    if ((await own.questionCount(tx, survey.id)) + chosen.length > MAX_OWN_QUESTIONS)
      return { ok: false, reason: 'full' };
    await own.appendQuestions(
      tx,
      survey.id,
      chosen.map((q) => ({
        kind: q!.kind,
        text: { ...q!.text },
        options: (q!.options ?? []).map((o) => ({ ...o })),
        code: q!.code,
      })),
    );
    await audit(tx, actorId, 'survey-question-add', survey.id, { library: codes });
    return { ok: true };
  });
}

export type QuestionInput = Omit<own.QuestionValues, 'code'>;

export async function addQuestion(db: Db, actorId: string, survey: repo.Survey, input: QuestionInput) {
  return inDraft(db, survey, async (tx) => {
    if ((await own.questionCount(tx, survey.id)) >= MAX_OWN_QUESTIONS) return { ok: false, reason: 'full' };
    await own.appendQuestions(tx, survey.id, [{ ...input, code: null }]);
    await audit(tx, actorId, 'survey-question-add', survey.id, input);
    return { ok: true };
  });
}

export async function editQuestion(
  db: Db,
  actorId: string,
  survey: repo.Survey,
  question: repo.Question,
  input: QuestionInput,
) {
  return inDraft(db, survey, async (tx) => {
    await own.updateQuestion(tx, survey.id, question.id, input);
    await appendAudit(tx, {
      actorId,
      action: 'survey-question-update',
      entityType: 'survey',
      entityId: survey.id,
      before: { kind: question.kind, text: question.text, options: question.options },
      after: input,
    });
    return { ok: true };
  });
}

export async function removeQuestion(db: Db, actorId: string, survey: repo.Survey, question: repo.Question) {
  return inDraft(db, survey, async (tx) => {
    await own.removeQuestion(tx, question);
    await appendAudit(tx, {
      actorId,
      action: 'survey-question-remove',
      entityType: 'survey',
      entityId: survey.id,
      before: { position: question.position, kind: question.kind, text: question.text },
    });
    return { ok: true };
  });
}

export async function moveQuestion(
  db: Db,
  actorId: string,
  survey: repo.Survey,
  question: repo.Question,
  direction: 'up' | 'down',
) {
  return inDraft(db, survey, async (tx) => {
    const neighbour = await own.questionAt(tx, survey.id, question.position + (direction === 'up' ? -1 : 1));
    // Already first or last: nothing to do, and nothing to record.
    if (!neighbour) return { ok: true };
    await own.swapPositions(tx, question, neighbour);
    await audit(tx, actorId, 'survey-question-move', survey.id, {
      from: question.position,
      to: neighbour.position,
    });
    return { ok: true };
  });
}

export async function openOwnSurvey(db: Db, actorId: string, survey: repo.Survey, now: Date): Promise<Result> {
  if (survey.kind !== 'own' || survey.state !== 'draft') return { ok: false, reason: 'state' };
  return db.transaction(async (tx) => {
    if (!(await own.questionCount(tx, survey.id))) return { ok: false, reason: 'missing' };
    if (!(await own.markOpen(tx, survey.id, now))) return { ok: false, reason: 'state' };
    await appendAudit(tx, {
      actorId,
      action: 'survey-open',
      entityType: 'survey',
      entityId: survey.id,
      before: { state: 'draft' },
      after: { state: 'open', kind: 'own', audience: survey.audience },
    });
    return { ok: true };
  });
}

// Crockford's base32 without the letters people confuse (I, L, O, U): 8 characters, 40 bits.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITATION_CODE_PATTERN = '^[0-9A-HJKMNP-TV-Z]{8}$';
const newCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
/** The hash kept for a code, bound to its survey so equal codes of two surveys differ. */
export const invitationHash = (surveyId: string, code: string) =>
  createHash('sha256').update(`${surveyId}:${code}`).digest('hex');

/**
 * Makes `n` single-use invitation codes; returns them to print now, once: only their hashes are
 * kept, so nobody can later read which code was whose, nor print them again.
 */
export async function createInvitations(db: Db, actorId: string, survey: repo.Survey, n: number) {
  if (survey.kind !== 'own' || survey.state === 'closed') return null;
  const codes = new Set<string>();
  while (codes.size < n) codes.add(newCode());
  const list = [...codes];
  await db.transaction(async (tx) => {
    await own.insertInvitations(
      tx,
      survey.id,
      list.map((c) => invitationHash(survey.id, c)),
    );
    await audit(tx, actorId, 'survey-invitations-create', survey.id, { count: n });
  });
  return list;
}

/** A spent invitation, recorded apart from the response (see submitResponse): no account, no code. */
const invitationClaim = (surveyId: string, code: string): Claim => {
  const hash = invitationHash(surveyId, code);
  return {
    take: async (tx) => {
      if (!(await own.claimInvitation(tx, surveyId, hash))) return false;
      await appendAudit(tx, {
        actorId: null,
        action: 'survey-invitation-use',
        entityType: 'survey',
        entityId: surveyId,
      });
      return true;
    },
    undo: async (tx) => {
      await own.releaseInvitation(tx, surveyId, hash);
      await appendAudit(tx, {
        actorId: null,
        action: 'survey-invitation-use',
        entityType: 'survey',
        entityId: surveyId,
        after: { undone: true },
      });
    },
  };
};

export type OwnAnswers = {
  /** Per question position: the value posted for an agreement or choice question. */
  values: Record<number, string | undefined>;
  /** Per question position: the words posted for a free-text question. */
  texts: Record<number, string | undefined>;
  language: 'en' | 'cy';
};

/**
 * Keeps one response to an own survey, each answer checked against its question: a value on the
 * scale, an option that exists, words within the limit. With invitations, a valid unused code is
 * required; the code is spent in its own transaction, never beside the response.
 */
export async function submitOwnResponse(
  db: Db,
  survey: repo.Survey,
  input: OwnAnswers,
  code: string | null,
  now: Date,
): Promise<SubmitResult | { ok: false; reason: 'invitation' }> {
  if (survey.kind !== 'own' || survey.state !== 'open') return { ok: false, reason: 'closed' };
  // Without invitations, the link alone is enough and a code means nothing.
  const invited = (await own.invitationCounts(db, survey.id)).total > 0;
  if (!invited) code = null;
  else {
    const state = code ? await own.invitationState(db, survey.id, invitationHash(survey.id, code)) : 'unknown';
    if (state !== 'unused') return { ok: false, reason: state === 'used' ? 'already' : 'invitation' };
  }
  const answers: repo.NewAnswer[] = [];
  for (const q of await repo.questionsOf(db, survey.id)) {
    if (q.kind === 'text') {
      const words = (input.texts[q.position] ?? '').trim();
      // U+FFFD is what bytes that were not UTF-8 decode to: a broken client, never someone's words.
      if (words.length > TEXT_ANSWER_MAX || words.includes('\uFFFD')) return { ok: false, reason: 'invalid' };
      if (words) answers.push({ questionId: q.id, value: 0, text: words });
      continue;
    }
    const raw = input.values[q.position];
    if (raw === undefined || raw === '') continue;
    const value = /^\d$/.test(raw) ? Number(raw) : -1;
    const fits = q.kind === 'agreement' ? value >= 0 && value <= 5 : value >= 1 && value <= q.options.length;
    if (!fits) return { ok: false, reason: 'invalid' };
    answers.push({ questionId: q.id, value });
  }
  if (!answers.length) return { ok: false, reason: 'empty' };
  return keepResponse(
    db,
    survey.id,
    { surveyId: survey.id, answeredOn: todayInWales(now), language: input.language, comment: '' },
    answers,
    code ? invitationClaim(survey.id, code) : null,
  );
}

export async function ownSummary(db: Db, surveyId: string): Promise<OwnSummary> {
  const [responses, questions, counts] = await Promise.all([
    repo.responseCount(db, surveyId),
    repo.questionsOf(db, surveyId),
    own.valueCounts(db, surveyId),
  ]);
  return summariseOwn({
    responses,
    questions: questions.map((q) => ({ id: q.id, kind: q.kind, optionCount: q.options.length })),
    counts,
  });
}

/** Closes an own survey into an evidence item of the school's cycle, as the SLO survey does. */
export async function closeOwnSurvey(
  db: Db,
  actorId: string,
  school: SchoolContext,
  can: SchoolCan,
  survey: repo.Survey,
  describe: (summary: OwnSummary, questions: repo.Question[]) => { title: string; body: string; language: 'en' | 'cy' },
  now: Date,
): Promise<CloseResult> {
  return closeIntoEvidence(db, actorId, school, can, survey, now, async (tx) => {
    const summary = await ownSummary(tx, survey.id);
    return { responses: summary.responses, text: describe(summary, await repo.questionsOf(tx, survey.id)) };
  });
}
