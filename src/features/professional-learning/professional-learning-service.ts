import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { text } from '../../lib/forms.ts';
import { parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import * as repo from './professional-learning-repository.ts';

/** A completion as typed: who, which programme, when. */
export type CompletionForm = { person: string; programme: string; completedOn: DateParts };
export const EMPTY_FORM: CompletionForm = { person: '', programme: '', completedOn: { day: '', month: '', year: '' } };
const E = (problem: string) => `professionalLearning.errors.${problem}`;

export function readCompletionForm(body: Record<string, unknown>): CompletionForm {
  return {
    person: text(body.person),
    programme: text(body.programme),
    completedOn: {
      day: text(body['completedOn-day']),
      month: text(body['completedOn-month']),
      year: text(body['completedOn-year']),
    },
  };
}

type Valid = { userId: string; programmeCode: string; completedOn: string };

/** Checks the form against the people this recorder may choose, the programmes and today's date. */
export function validateCompletion(
  form: CompletionForm,
  choosable: ReadonlySet<string>,
  programmeCodes: readonly string[],
  today: string,
): { ok: true; values: Valid } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!form.person) errors.person = E('personMissing');
  else if (!choosable.has(form.person)) errors.person = E('personNotYours');
  if (!form.programme) errors.programme = E('programmeMissing');
  else if (!programmeCodes.includes(form.programme)) errors.programme = E('programmeUnknown');
  const date = parseDateParts(form.completedOn);
  if (!date.ok) errors['completedOn-day'] = E(`date_${date.problem}`);
  else if (date.value === null) errors['completedOn-day'] = E('dateMissing');
  else if (date.value > today) errors['completedOn-day'] = E('dateInFuture');
  if (Object.keys(errors).length || !date.ok || !date.value) return { ok: false, errors };
  return { ok: true, values: { userId: form.person, programmeCode: form.programme, completedOn: date.value } };
}

export type RecordResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

/** Records a completion, audited; a second completion of the same programme by the same person is refused. */
export async function recordCompletion(
  db: Db,
  actorId: string,
  form: CompletionForm,
  choosable: ReadonlySet<string>,
  programmeCodes: readonly string[],
  today: string,
): Promise<RecordResult> {
  const checked = validateCompletion(form, choosable, programmeCodes, today);
  if (!checked.ok) return checked;
  const duplicate = { ok: false as const, errors: { person: E('duplicate') } };
  if (await repo.hasRecord(db, checked.values.userId, checked.values.programmeCode)) return duplicate;
  return db.transaction(async (tx) => {
    const row = await repo.insertRecord(tx, { ...checked.values, recordedBy: actorId });
    if (!row) return duplicate;
    await appendAudit(tx, {
      actorId,
      action: 'professional-learning-record',
      entityType: 'professional_learning_record',
      entityId: row.id,
      after: { user: row.userId, programme: row.programmeCode, completedOn: row.completedOn },
    });
    return { ok: true as const, id: row.id };
  });
}

/** Removes a completion recorded in error, audited with what it was. */
export async function removeCompletion(db: Db, actorId: string, record: repo.LearningRecord): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await repo.deleteRecord(tx, record.id))) return;
    await appendAudit(tx, {
      actorId,
      action: 'professional-learning-remove',
      entityType: 'professional_learning_record',
      entityId: record.id,
      before: { user: record.userId, programme: record.programmeCode, completedOn: record.completedOn },
    });
  });
}
