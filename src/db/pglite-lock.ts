import fs from 'node:fs';

export type DirectoryLock = { path: string; release(): void };

export class DirectoryLockedError extends Error {}

/**
 * Who wrote a lock. A PID alone is not an identity: after a reboot or a container restart the
 * same number often belongs to another process (in a container the app tends to get the same
 * small PID every time). On Linux the process's start time (clock ticks since boot, field 22
 * of /proc/<pid>/stat) and the boot id pin it down; elsewhere both are null and the PID is all
 * there is. A lock written by an older Cydwella holds just the PID.
 */
export type LockOwner = { pid: number; startTime: string | null; bootId: string | null };

/** Where the process table is read from; a seam so tests can take /proc away. */
export type LockOptions = { procRoot?: string };

function readProcFile(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function bootIdOf(procRoot: string): string | null {
  return readProcFile(`${procRoot}/sys/kernel/random/boot_id`)?.trim() || null;
}

/** Field 22 of /proc/<pid>/stat. The command name (field 2) may hold spaces and parentheses, so count from its closing one. */
export function processStartTime(pid: number, procRoot = '/proc'): string | null {
  const stat = readProcFile(`${procRoot}/${pid}/stat`);
  if (!stat) return null;
  const fieldsAfterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fieldsAfterName[22 - 3] ?? null;
}

function commandLineOf(pid: number, procRoot: string): string | null {
  const raw = readProcFile(`${procRoot}/${pid}/cmdline`);
  const text = raw?.split('\0').filter(Boolean).join(' ').trim();
  if (!text) return null;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function currentOwner(procRoot: string): LockOwner {
  return { pid: process.pid, startTime: processStartTime(process.pid, procRoot), bootId: bootIdOf(procRoot) };
}

/** A lock file's owner, in today's JSON form or the older bare PID; null when it is neither. */
export function parseLockOwner(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), startTime: null, bootId: null };
  try {
    const value = JSON.parse(trimmed) as Partial<LockOwner>;
    if (!Number.isInteger(value.pid) || value.pid! <= 0) return null;
    return {
      pid: value.pid!,
      startTime: typeof value.startTime === 'string' ? value.startTime : null,
      bootId: typeof value.bootId === 'string' ? value.bootId : null,
    };
  } catch {
    return null;
  }
}

function ownerIsLive(owner: LockOwner, me: LockOwner, procRoot: string): boolean {
  // Without start times on both sides (no /proc here, or an old lock) the PID is all we can check;
  // as before, our own PID in an old lock can only be a leftover of an earlier run.
  if (owner.startTime === null || me.startTime === null) return owner.pid !== process.pid && processIsAlive(owner.pid);
  if (owner.bootId !== null && me.bootId !== null && owner.bootId !== me.bootId) return false;
  const startTime = processStartTime(owner.pid, procRoot);
  // Gone from /proc may still mean hidden from us (hidepid): then trust the PID alone.
  if (startTime === null) return processIsAlive(owner.pid);
  return startTime === owner.startTime;
}

function refusal(directory: string, lockPath: string, owner: LockOwner, procRoot: string): DirectoryLockedError {
  const command = commandLineOf(owner.pid, procRoot);
  return new DirectoryLockedError(
    `The embedded database at ${directory} is already in use by process ${owner.pid}${command ? ` (${command})` : ''}. ` +
      'Only one Cydwella process may own it: stop that process, or set DATABASE_URL to use a PostgreSQL server. ' +
      `If you are sure no Cydwella process is running, delete ${lockPath} and start again.`,
  );
}

/**
 * PGlite is a single-process database: two processes writing one directory corrupt it.
 * A lock file beside the directory names its owner; a live owner means refusal, a lock whose
 * owner has gone (a crash, a reboot, a restarted container) is taken over.
 */
export function acquireDirectoryLock(directory: string, options: LockOptions = {}): DirectoryLock {
  const procRoot = options.procRoot ?? '/proc';
  const lockPath = `${directory}.lock`;
  const me = currentOwner(procRoot);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = parseLockOwner(fs.readFileSync(lockPath, 'utf8'));
      if (owner && ownerIsLive(owner, me, procRoot)) throw refusal(directory, lockPath, owner, procRoot);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DirectoryLockedError(`Could not lock ${directory}: another process keeps creating ${lockPath}.`);
}
