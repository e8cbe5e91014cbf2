import type { JobQueue } from '../../jobs/job-deps.ts';
import type { ImportProblem } from './address-list-parser.ts';
import { DIRECTORY_IMPORT, type ImportJobData, type ImportJobOutcome } from './import-job.ts';

export type ImportJob = {
  id: string;
  fileName: string;
  startedBy: string;
  status: 'running' | ImportJobOutcome['status'];
  done: number;
  total: number;
  importId: string | null;
  counts: ImportJobOutcome['counts'];
  problems: ImportProblem[];
};

/**
 * Imports run on the job runner after the request that queues them (src/jobs/), so the page can
 * show progress and an import queued before a restart still runs after it.
 */
export async function startImportJob(jobs: JobQueue, data: ImportJobData): Promise<string> {
  return jobs.send(DIRECTORY_IMPORT, data);
}

/** The job as its page shows it: running (with progress when this instance runs it), or its outcome. */
export async function readImportJob(jobs: JobQueue, id: string): Promise<ImportJob | null> {
  const found = await jobs.find(DIRECTORY_IMPORT, id);
  if (!found) return null;
  const data = found.data as ImportJobData;
  const base = { id, fileName: data.fileName, startedBy: data.startedBy, total: data.total };
  if (found.state === 'completed' && found.output) {
    const outcome = found.output as ImportJobOutcome;
    return { ...base, ...outcome, done: data.total };
  }
  if (found.state === 'failed' || found.state === 'cancelled')
    return { ...base, status: 'failed', done: 0, importId: null, counts: null, problems: [] };
  const progress = jobs.progress(id);
  return {
    ...base,
    status: 'running',
    done: progress?.done ?? 0,
    total: progress?.total ?? data.total,
    importId: null,
    counts: null,
    problems: [],
  };
}
