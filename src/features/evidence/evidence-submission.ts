import type { FastifyRequest } from 'fastify';
import type { SchoolContext } from '../../policy/school-policy.ts';
import { pendingFiles, receiveUploads, tooManyProblem } from './attachment-intake.ts';
import type { AttachmentStore, StoredFile } from './attachment-store.ts';
import {
  filesOf,
  readEvidenceForm,
  validateEvidence,
  type EvidenceFormInput,
  type FormProblem,
} from './evidence-form.ts';
import { todayInWales } from '../../lib/clock.ts';
import type { EvidenceValues } from './evidence-repository.ts';
import type { NationalPriority } from './evidence-presenter.ts';
import { learnerDataFlags, type FieldFlag } from './evidence-learner-check.ts';

export type Submission = {
  input: EvidenceFormInput;
  values: EvidenceValues;
  /** Files uploaded now or carried from an earlier attempt, checked and stored, not yet linked. */
  files: StoredFile[];
  problems: FormProblem[];
  flags: FieldFlag[];
};

/** Each file once, however often it was chosen. */
const distinct = (files: StoredFile[]) =>
  files.filter((f, i) => files.findIndex((g) => g.sha256 === f.sha256 && g.fileName === f.fileName) === i);

/**
 * Reads the add or edit form: its fields, its new files (checked and stored straight away so
 * nobody uploads twice), and what looks learner-identifiable. A flag not yet confirmed by
 * the writer is a problem like any other: nothing is saved until it is resolved. When editing,
 * words already in the saved item were checked when it was saved, so they are not asked about again.
 */
export async function readSubmission(
  request: FastifyRequest,
  store: AttachmentStore,
  school: SchoolContext,
  priorities: NationalPriority[],
  now: Date,
  saved: { keptAttachments: number; text: string } = { keptAttachments: 0, text: '' },
): Promise<Submission> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const input = readEvidenceForm(body);
  const uploads = await receiveUploads(filesOf(body, 'attachments'), store);
  const files = distinct([...pendingFiles(input.pendingAttachments, store), ...uploads.stored]);
  const { values, problems } = validateEvidence(
    input,
    todayInWales(now),
    priorities.map((p) => p.code),
    request.lang,
  );
  const flags = learnerDataFlags(
    values,
    school,
    priorities.flatMap((p) => [p.nameEn, p.nameCy]),
  ).filter((f) => !saved.text.includes(f.match));
  const unconfirmed = flags.length > 0 && !input.learnerDataChecked;
  return {
    input,
    values,
    files,
    flags,
    problems: [
      ...(unconfirmed ? [{ field: 'learnerDataChecked', key: 'pages.evidence.errors.learnerData' }] : []),
      ...problems,
      ...uploads.problems,
      ...tooManyProblem(saved.keptAttachments + files.length),
    ],
  };
}
