import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { SchoolContext } from '../../policy/school-policy.ts';
import { FINDING_KINDS, isOneOf, NIF_THEMES } from '../../reference/reference-data.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import * as repo from './findings-repository.ts';
import { isUuid } from '../../lib/request-schemas.ts';

export const MAX_TITLE = 200;
export const MAX_BODY = 10_000;
export const MAX_LINKED_EVIDENCE = 300;

export type FindingInput = {
  kind: string;
  title: string;
  body: string;
  nifTheme: string;
  language: string;
  evidenceIds: string[];
};
export type FindingResult =
  | { ok: true; finding: repo.Finding }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'conflict'; current: repo.Finding; currentEvidenceIds: string[] };

export function validateFinding(input: FindingInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!isOneOf(FINDING_KINDS, input.kind)) errors.kind = 'pages.findings.errors.kind';
  if (!input.title) errors.title = 'pages.findings.errors.titleMissing';
  else if (input.title.length > MAX_TITLE) errors.title = 'pages.findings.errors.titleTooLong';
  if (input.body.length > MAX_BODY) errors.body = 'pages.findings.errors.bodyTooLong';
  if (input.nifTheme && !isOneOf(NIF_THEMES, input.nifTheme)) errors.nifTheme = 'pages.findings.errors.nifTheme';
  if (input.language !== 'en' && input.language !== 'cy') errors.language = 'pages.findings.errors.language';
  if (input.evidenceIds.some((id) => !isUuid(id))) errors.evidenceIds = 'pages.findings.errors.evidence';
  else if (input.evidenceIds.length > MAX_LINKED_EVIDENCE) errors.evidenceIds = 'pages.findings.errors.tooMuchEvidence';
  return errors;
}

const values = (input: FindingInput): repo.FindingValues => ({
  kind: input.kind,
  title: input.title,
  body: input.body,
  nifTheme: input.nifTheme || null,
  language: input.language,
});

/** Only the school's own evidence may be linked (the ids come from a form, so anything may arrive). */
async function evidenceBelongs(tx: Db, schoolNumber: string, ids: string[]) {
  return (await repo.evidenceByIds(tx, schoolNumber, ids)).length === ids.length;
}

export async function createFinding(
  db: Db,
  actorId: string,
  school: SchoolContext,
  cycleId: string,
  input: FindingInput,
): Promise<FindingResult> {
  const errors = validateFinding(input);
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
  return db.transaction(async (tx) => {
    if (!(await evidenceBelongs(tx, school.number, input.evidenceIds)))
      return {
        ok: false as const,
        reason: 'invalid' as const,
        errors: { evidenceIds: 'pages.findings.errors.evidence' },
      };
    const finding = await repo.insertFinding(tx, {
      ...values(input),
      schoolNumber: school.number,
      cycleId,
      createdBy: actorId,
    });
    await repo.replaceFindingEvidence(tx, finding.id, input.evidenceIds);
    await appendAudit(tx, {
      actorId,
      action: 'finding-create',
      entityType: 'finding',
      entityId: finding.id,
      after: { ...values(input), evidenceIds: input.evidenceIds, cycleId },
    });
    return { ok: true as const, finding };
  });
}

/** Saves a finding, refusing to overwrite anyone who saved since `version` was read. */
export async function updateFinding(
  db: Db,
  actorId: string,
  finding: repo.Finding,
  version: number,
  input: FindingInput,
  now: Date,
): Promise<FindingResult> {
  const errors = validateFinding(input);
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
  return db.transaction(async (tx) => {
    if (!(await evidenceBelongs(tx, finding.schoolNumber, input.evidenceIds)))
      return {
        ok: false as const,
        reason: 'invalid' as const,
        errors: { evidenceIds: 'pages.findings.errors.evidence' },
      };
    const beforeIds = await repo.linkedEvidenceIds(tx, finding.id);
    const updated = await repo.updateFinding(tx, finding.id, version, values(input), now);
    if (!updated)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await repo.findFindingById(tx, finding.id))!,
        currentEvidenceIds: beforeIds,
      };
    await repo.replaceFindingEvidence(tx, finding.id, input.evidenceIds);
    const before = {
      kind: finding.kind,
      title: finding.title,
      body: finding.body,
      nifTheme: finding.nifTheme,
      language: finding.language,
      evidenceIds: beforeIds,
    };
    await appendAudit(tx, {
      actorId,
      action: 'finding-update',
      entityType: 'finding',
      entityId: finding.id,
      before,
      after: { ...values(input), evidenceIds: input.evidenceIds },
    });
    return { ok: true as const, finding: updated };
  });
}
