import { randomUUID } from 'node:crypto';
import type { Clock } from '../../lib/clock.ts';
import type { ImportProblem } from './address-list-parser.ts';

export type ImportJob = {
  id: string;
  fileName: string;
  startedBy: string;
  status: 'running' | 'applied' | 'nothing' | 'failed' | 'refused';
  done: number;
  total: number;
  importId: string | null;
  counts: { added: number; changed: number; reopened: number; closed: number; unchanged: number } | null;
  problems: ImportProblem[];
  startedAt: number;
};

const KEEP_MS = 6 * 3600_000;

/**
 * Imports run after the request that starts them, so the page can show progress. Jobs live
 * in this process only: the import itself is one database transaction, so a job lost with a
 * restart leaves the directory exactly as it was.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(private readonly clock: Clock) {}

  start(fileName: string, startedBy: string, total: number): ImportJob {
    this.forgetOld();
    const job: ImportJob = {
      id: randomUUID(),
      fileName,
      startedBy,
      status: 'running',
      done: 0,
      total,
      importId: null,
      counts: null,
      problems: [],
      startedAt: this.clock.now().getTime(),
    };
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  private forgetOld() {
    const cutoff = this.clock.now().getTime() - KEEP_MS;
    for (const [id, job] of this.jobs) if (job.startedAt < cutoff && job.status !== 'running') this.jobs.delete(id);
  }
}
