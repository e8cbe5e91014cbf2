import fs from 'node:fs/promises';
import path from 'node:path';

export const ACCEPTED_EXTENSIONS = ['ods', 'xlsx', 'csv'] as const;

/**
 * Keeps an uploaded edition between its preview and its apply, outside the web root, named
 * by its content hash so a name from a form can never point elsewhere.
 */
export function uploadStore(dataDir: string) {
  const dir = path.join(dataDir, 'imports');
  const fileFor = (sha256: string, extension: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256) || !(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) return null;
    return path.join(dir, `${sha256}.${extension}`);
  };
  return {
    async save(sha256: string, extension: string, content: Buffer) {
      const file = fileFor(sha256, extension);
      if (!file) return;
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(file, content);
    },
    async load(sha256: string, extension: string): Promise<Buffer | null> {
      const file = fileFor(sha256, extension);
      return file ? fs.readFile(file).catch(() => null) : null;
    },
  };
}
