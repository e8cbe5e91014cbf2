// A directory import as a background job (issue 12): the apply request queues it and answers at
// once, and the job page reads its state back from the runner. The job carries only the file's
// hash and name; the file waits in the upload store (DATA_DIR/imports). The import is one
// transaction that re-plans against the directory as it is, so an attempt retried after a crash
// applies what is left to apply (or reports nothing to do) and never applies an edition twice.
import type { JobDefinition } from '../../jobs/job-deps.ts';
import type { ImportProblem } from './address-list-parser.ts';
import { applyImport, sha256 } from './import-service.ts';
import { uploadStore } from './upload-store.ts';

export const DIRECTORY_IMPORT = 'directory-import';

export type ImportJobData = { fileName: string; sha256: string; extension: string; startedBy: string; total: number };

export type ImportJobOutcome = {
  status: 'applied' | 'nothing' | 'failed' | 'refused';
  importId: string | null;
  counts: { added: number; changed: number; reopened: number; closed: number; unchanged: number } | null;
  problems: ImportProblem[];
};

export const directoryImportJob: JobDefinition = {
  name: DIRECTORY_IMPORT,
  handler: async ({ database, clock, config }, data, job): Promise<ImportJobOutcome> => {
    const { fileName, sha256: hash, extension, startedBy } = data as ImportJobData;
    const content = await uploadStore(config.dataDir).load(hash, extension);
    // The file went (a DATA_DIR cleared by hand): nothing was changed, and retrying will not bring it back.
    if (!content || sha256(content) !== hash) return { status: 'failed', importId: null, counts: null, problems: [] };
    const result = await applyImport(database.db, startedBy, fileName, content, clock.now(), (done, total) =>
      job.progress(done, total),
    );
    if (!result.ok) return { status: 'refused', importId: null, counts: null, problems: result.problems };
    const p = result.plan;
    return {
      status: result.importId ? 'applied' : 'nothing',
      importId: result.importId,
      counts: {
        added: p.added.length,
        changed: p.changed.length,
        reopened: p.reopened.length,
        closed: p.closed.length,
        unchanged: p.unchanged,
      },
      problems: [],
    };
  },
  retry: { limit: 2, delaySeconds: 5, maxDelaySeconds: 60 },
  expireInSeconds: 30 * 60,
};
