import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** The regular files directly inside `dir` (none if it does not exist), skipping half-written `.part` files. */
export async function filesIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.part'))
    .map((e) => e.name)
    .sort();
}

/** A hard link when both sides share a disk (instant, no extra space), a copy when they do not. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.link(from, to).catch(() => fs.copyFile(from, to));
}

/** Appends lines to a file, waiting when the disk falls behind. */
export async function openLineWriter(file: string) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(file, 'w');
  let buffered: string[] = [];
  let size = 0;
  const flush = async () => {
    if (buffered.length === 0) return;
    await handle.write(buffered.join(''));
    buffered = [];
    size = 0;
  };
  return {
    async write(line: string) {
      buffered.push(line, '\n');
      size += line.length + 1;
      if (size > 1 << 20) await flush();
    },
    async close() {
      await flush();
      await handle.close();
    },
  };
}
