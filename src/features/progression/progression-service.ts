import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { CollaborativeRecord } from '../../collaboration/collaboration-repository.ts';
import { learnerFlags, type TextFlag } from '../meetings/learner-check.ts';
import type { School } from '../meetings/meeting-repository.ts';
import { collaborativePhrases } from '../meetings/meeting-service.ts';
import { validateSessionForm, type SessionForm } from './progression-form.ts';
import * as repo from './progression-repository.ts';

export type SaveResult =
  | { ok: true; session: repo.ProgressionSession }
  | { ok: false; reason: 'invalid'; errors: Record<string, string>; flags: TextFlag[] }
  | { ok: false; reason: 'conflict'; current: repo.ProgressionSession; currentSchools: string[] };

/** Samples are descriptions of anonymised work: what looks like a learner's name is asked about before saving. */
function check(form: SessionForm, collaborative: CollaborativeRecord, schools: School[], saved: string) {
  const validation = validateSessionForm(form, collaborative.memberSchools);
  const flags = learnerFlags(
    { samples: form.samples, expectations: form.expectations },
    collaborativePhrases(collaborative, schools),
    saved,
  );
  const errors = validation.ok ? {} : { ...validation.errors };
  if (flags.length && !form.learnerDataChecked) errors.learnerDataChecked = 'progression.errors.learnerData';
  return { validation, flags, errors };
}

const snapshot = (s: repo.SessionValues, schools: string[]) => ({
  heldOn: s.heldOn,
  area: s.area,
  progressionStep: s.progressionStep,
  focus: s.focus,
  samples: s.samples,
  expectations: s.expectations,
  schools,
});

export async function createSession(
  db: Db,
  actorId: string,
  collaborative: CollaborativeRecord,
  schools: School[],
  form: SessionForm,
  language: string,
): Promise<SaveResult> {
  const { validation, flags, errors } = check(form, collaborative, schools, '');
  if (!validation.ok || Object.keys(errors).length) return { ok: false, reason: 'invalid', errors, flags };
  return db.transaction(async (tx) => {
    const session = await repo.insertSession(tx, {
      ...validation.values,
      language,
      collaborativeId: collaborative.id,
      createdBy: actorId,
    });
    await repo.replaceSessionSchools(tx, session.id, validation.schools);
    await appendAudit(tx, {
      actorId,
      action: 'progression-session-create',
      entityType: 'progression_session',
      entityId: session.id,
      after: {
        collaborative: collaborative.id,
        ...snapshot(session, validation.schools),
        learnerDataConfirmed: flags.map((f) => f.reason),
      },
    });
    return { ok: true as const, session };
  });
}

export async function updateSession(
  db: Db,
  actorId: string,
  collaborative: CollaborativeRecord,
  schools: School[],
  session: repo.ProgressionSession,
  version: number,
  form: SessionForm,
  language: string,
): Promise<SaveResult> {
  const { validation, flags, errors } = check(
    form,
    collaborative,
    schools,
    `${session.samples}\n${session.expectations}`,
  );
  if (!validation.ok || Object.keys(errors).length) return { ok: false, reason: 'invalid', errors, flags };
  return db.transaction(async (tx) => {
    const beforeSchools = await repo.sessionSchoolNumbers(tx, session.id);
    const updated = await repo.updateSession(tx, session.id, version, { ...validation.values, language });
    if (!updated)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await repo.findSession(tx, collaborative.id, session.id))!,
        currentSchools: beforeSchools,
      };
    await repo.replaceSessionSchools(tx, session.id, validation.schools);
    await appendAudit(tx, {
      actorId,
      action: 'progression-session-update',
      entityType: 'progression_session',
      entityId: session.id,
      before: snapshot(session, beforeSchools),
      after: { ...snapshot(updated, validation.schools), learnerDataConfirmed: flags.map((f) => f.reason) },
    });
    return { ok: true as const, session: updated };
  });
}
