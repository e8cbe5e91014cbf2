// The embedded database's lock against real processes: a PID reused by someone else must not
// keep Cydwella from starting, and a live owner must still be refused with a way out.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireDirectoryLock,
  DirectoryLockedError,
  parseLockOwner,
  processStartTime,
  type DirectoryLock,
} from './pglite-lock.ts';

const hasProc = fs.existsSync('/proc/self/stat');
let dir: string;
let directory: string;
let lockPath: string;
let sleeper: ChildProcess;
const held: DirectoryLock[] = [];
const bootId = () => fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
const writeLock = (content: unknown) =>
  fs.writeFileSync(lockPath, typeof content === 'string' ? content : JSON.stringify(content));
const lockOwner = () => parseLockOwner(fs.readFileSync(lockPath, 'utf8'));

function refusalOf(work: () => unknown): DirectoryLockedError {
  try {
    work();
  } catch (error) {
    if (error instanceof DirectoryLockedError) return error;
    throw error;
  }
  throw new Error('expected the lock to be refused');
}

/** The PID of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-lock-'));
  directory = path.join(dir, 'pglite');
  lockPath = `${directory}.lock`;
  // An unrelated live process whose PID a stale lock can name.
  sleeper = spawn('sleep', ['300'], { stdio: 'ignore' });
  await new Promise((resolve) => sleeper.on('spawn', resolve));
});
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
  fs.rmSync(lockPath, { force: true });
});
afterAll(() => {
  sleeper.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(hasProc)('the PGlite directory lock on Linux', () => {
  it('records its owner by PID, start time and boot id, and removes the file on release', () => {
    const lock = acquireDirectoryLock(directory);
    expect(lockOwner()).toEqual({ pid: process.pid, startTime: processStartTime(process.pid), bootId: bootId() });
    lock.release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('takes over a lock whose PID now belongs to an unrelated process started at another time', () => {
    const realStart = processStartTime(sleeper.pid!)!;
    expect(realStart).toMatch(/^\d+$/);
    writeLock({ pid: sleeper.pid, startTime: String(Number(realStart) + 12345), bootId: bootId() });
    held.push(acquireDirectoryLock(directory));
    expect(lockOwner()?.pid).toBe(process.pid);
  });

  it('takes over a lock written before a reboot, even when the PID and start time happen to match', () => {
    writeLock({
      pid: sleeper.pid,
      startTime: processStartTime(sleeper.pid!),
      bootId: '00000000-0000-0000-0000-000000000000',
    });
    held.push(acquireDirectoryLock(directory));
    expect(lockOwner()?.pid).toBe(process.pid);
  });

  it('refuses a lock held by its live owner, naming the process and how to recover', () => {
    const owner = { pid: sleeper.pid, startTime: processStartTime(sleeper.pid!), bootId: bootId() };
    writeLock(owner);
    const error = refusalOf(() => acquireDirectoryLock(directory));
    expect(error.message).toContain(`is already in use by process ${sleeper.pid} (sleep 300)`);
    expect(error.message).toContain('stop that process');
    expect(error.message).toContain(`If you are sure no Cydwella process is running, delete ${lockPath}`);
    expect(lockOwner()).toEqual(owner);
  });

  it('refuses a second owner in the same process while the first holds the lock', () => {
    held.push(acquireDirectoryLock(directory));
    expect(refusalOf(() => acquireDirectoryLock(directory)).message).toContain(`process ${process.pid}`);
  });

  it('still reads an old lock holding just a PID: a live one is refused, a dead one taken over', async () => {
    writeLock(String(sleeper.pid));
    expect(refusalOf(() => acquireDirectoryLock(directory)).message).toContain(`process ${sleeper.pid}`);
    writeLock(String(await deadPid()));
    held.push(acquireDirectoryLock(directory));
    expect(lockOwner()?.pid).toBe(process.pid);
  });

  it('takes over a lock whose owner has exited', async () => {
    writeLock({ pid: await deadPid(), startTime: '1', bootId: bootId() });
    held.push(acquireDirectoryLock(directory));
    expect(lockOwner()?.pid).toBe(process.pid);
  });
});

describe('the PGlite directory lock where there is no /proc', () => {
  const noProc = { procRoot: path.join(os.tmpdir(), 'cydwella-no-proc-here') };

  it('writes just what it knows and falls back to checking the PID', async () => {
    const lock = acquireDirectoryLock(directory, noProc);
    expect(lockOwner()).toEqual({ pid: process.pid, startTime: null, bootId: null });
    lock.release();
    writeLock({ pid: sleeper.pid, startTime: '1', bootId: 'another boot' });
    expect(refusalOf(() => acquireDirectoryLock(directory, noProc)).message).toContain(`delete ${lockPath}`);
    writeLock(String(await deadPid()));
    held.push(acquireDirectoryLock(directory, noProc));
    expect(lockOwner()?.pid).toBe(process.pid);
  });
});

describe('reading a lock file', () => {
  it.each([
    ['1234', { pid: 1234, startTime: null, bootId: null }],
    ['{"pid":42,"startTime":"99","bootId":"b"}', { pid: 42, startTime: '99', bootId: 'b' }],
    ['', null],
    ['{"pid":-1}', null],
    ['not a lock', null],
  ])('%j', (text, expected) => {
    expect(parseLockOwner(text)).toEqual(expected);
  });
});
