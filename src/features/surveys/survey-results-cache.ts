// The results of a survey, remembered between page loads (issue 18 benchmark: a results page of
// 2,000 responses within 2x of the directory search). Summarising 100,000 answers and running the
// learner-data check over a few hundred comments takes seconds on embedded PGlite; the figures only
// change when a response is added, and responses are only ever added (never edited, deleted only
// with their survey), so the count of responses is a sound version: a new response, a new entry.
import type { Db } from '../../db/client.ts';
import * as repo from './survey-repository.ts';
import { commentsModel } from './survey-results.ts';
import { surveySummary } from './survey-service.ts';
import type { Summary } from './survey-summary.ts';

/** Surveys remembered at once, the least recently read dropped first: a handful of schools reading results. */
const MAX_ENTRIES = 20;
type Entry = {
  responses: number;
  summary: Summary;
  comments?: { schoolName: string; model: ReturnType<typeof commentsModel> };
};
const entries = new Map<string, Entry>();

function remember(surveyId: string, entry: Entry) {
  entries.delete(surveyId);
  entries.set(surveyId, entry);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

async function entryOf(db: Db, surveyId: string): Promise<Entry> {
  const responses = await repo.responseCount(db, surveyId);
  const hit = entries.get(surveyId);
  if (hit && hit.responses === responses) {
    remember(surveyId, hit);
    return hit;
  }
  const summary = await surveySummary(db, surveyId);
  // Keyed by what was summarised: an answer landing meanwhile makes the next read recompute.
  const entry = { responses: summary.responses, summary };
  remember(surveyId, entry);
  return entry;
}

/** The survey's summary (survey-summary.ts, suppressed), recomputed only when a response was added. */
export async function cachedSummary(db: Db, surveyId: string): Promise<Summary> {
  return (await entryOf(db, surveyId)).summary;
}

/** What respondents wrote, with the learner-data check already run, for the same version of the survey. */
export async function cachedComments(db: Db, surveyId: string, schoolName: string) {
  const entry = await entryOf(db, surveyId);
  // The school's own name is allowed in comments, so a renamed school checks them again.
  if (entry.comments?.schoolName !== schoolName)
    entry.comments = { schoolName, model: commentsModel(await repo.commentsOf(db, surveyId), schoolName) };
  return entry.comments.model;
}
