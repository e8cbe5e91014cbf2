import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

/** A stored file not yet (or already) linked to an evidence item. */
export type StoredFile = { sha256: string; fileName: string; contentType: string; sizeBytes: number };

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Files live outside the web root under `<dataDir>/attachments/<sha256>`: the name comes from
 * the content, so nothing a user sends can point at another path, and a file attached twice
 * is stored once. Only the database says who may read it.
 */
export function attachmentStore(dataDir: string, linkKey: Buffer) {
  const dir = path.join(dataDir, 'attachments');
  const fileFor = (sha256: string) => (SHA256.test(sha256) ? path.join(dir, sha256) : null);
  // The key is this use's own (src/lib/secrets.ts), so a token's signature is no cookie's signature.
  const sign = (payload: string) => createHmac('sha256', linkKey).update(`attachment:${payload}`).digest('base64url');

  return {
    async save(content: Buffer): Promise<string> {
      const sha256 = createHash('sha256').update(content).digest('hex');
      const file = fileFor(sha256)!;
      await fs.mkdir(dir, { recursive: true });
      const exists = await fs.stat(file).then(
        (s) => s.size === content.length,
        () => false,
      );
      if (!exists) {
        // Write then rename, so a reader never sees half a file. A random name, not the time: two
        // uploads of one file at once must not write the same temporary file.
        const temporary = `${file}.${process.pid}.${randomUUID()}.part`;
        await fs.writeFile(temporary, content);
        await fs.rename(temporary, file);
      }
      return sha256;
    },

    async exists(sha256: string): Promise<boolean> {
      const file = fileFor(sha256);
      return file
        ? fs.stat(file).then(
            () => true,
            () => false,
          )
        : false;
    },

    open(sha256: string) {
      const file = fileFor(sha256);
      return file ? createReadStream(file) : null;
    },

    /**
     * A file uploaded with a form that could not be saved yet (a mistake to correct, a
     * learner-data warning) rides along in a hidden field; the signature stops anyone naming
     * a file they never uploaded.
     */
    token(file: StoredFile): string {
      const payload = Buffer.from(JSON.stringify(file)).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },

    fromToken(token: string): StoredFile | null {
      const [payload = '', signature = ''] = token.split('.');
      const expected = sign(payload);
      if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected)))
        return null;
      try {
        const file = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as StoredFile;
        return SHA256.test(file.sha256) ? file : null;
      } catch {
        return null;
      }
    },
  };
}
export type AttachmentStore = ReturnType<typeof attachmentStore>;
