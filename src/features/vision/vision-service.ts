import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import * as repo from './vision-repository.ts';

export const LIMITS = { text: 5_000, agreedWith: 500 } as const;

/** The form as typed. `basedOn`: the version the writer started from (0 when there was none). */
export type VisionInput = { text: string; language: string; agreedWith: string; agreedOn: DateParts };

export type VisionResult =
  | { ok: true; vision: NonNullable<Awaited<ReturnType<typeof repo.insertVision>>> }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'conflict'; current: repo.Vision | null };

/** What must be true of a vision before it is kept: its words, its language, how and when it was agreed. */
export function validateVision(input: VisionInput, today: string): { errors: FieldErrors; agreedOn: string | null } {
  const errors: FieldErrors = {};
  if (!input.text) errors.text = 'vision.errors.textMissing';
  else if (input.text.length > LIMITS.text) errors.text = 'vision.errors.textTooLong';
  if (input.language !== 'en' && input.language !== 'cy') errors.language = 'vision.errors.language';
  if (!input.agreedWith) errors.agreedWith = 'vision.errors.agreedWithMissing';
  else if (input.agreedWith.length > LIMITS.agreedWith) errors.agreedWith = 'vision.errors.agreedWithTooLong';
  const parsed = parseDateParts(input.agreedOn);
  let agreedOn: string | null = null;
  if (!parsed.ok) errors['agreedOn-day'] = 'vision.errors.agreedOnInvalid';
  else if (!parsed.value) errors['agreedOn-day'] = 'vision.errors.agreedOnMissing';
  else if (parsed.value > today) errors['agreedOn-day'] = 'vision.errors.agreedOnFuture';
  else agreedOn = parsed.value;
  return { errors, agreedOn };
}

/**
 * Keeps a new version of the vision. Nothing is overwritten: a version is added after `basedOn`, and
 * if someone saved since the writer opened the form, theirs is shown beside the writer's instead.
 */
export async function saveVision(
  db: Db,
  actorId: string,
  owner: repo.VisionOwner,
  basedOn: number,
  input: VisionInput,
  now: Date,
  today: string,
): Promise<VisionResult> {
  const { errors, agreedOn } = validateVision(input, today);
  if (!agreedOn || Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
  const values = { text: input.text, language: input.language, agreedWith: input.agreedWith, agreedOn };
  return db.transaction(async (tx) => {
    const current = await repo.currentVision(tx, owner);
    if ((current?.number ?? 0) !== basedOn) return { ok: false as const, reason: 'conflict' as const, current };
    const vision = await repo.insertVision(tx, owner, basedOn + 1, values, actorId, now);
    if (!vision)
      return { ok: false as const, reason: 'conflict' as const, current: await repo.currentVision(tx, owner) };
    await appendAudit(tx, {
      actorId,
      action: 'vision-save',
      entityType: 'vision',
      entityId: vision.id,
      before: current ? { number: current.number, text: current.text } : null,
      after: { owner: owner.type, ownerId: owner.id, number: vision.number, ...values },
    });
    return { ok: true as const, vision };
  });
}
