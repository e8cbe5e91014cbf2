import type { MultipartFile } from '@fastify/multipart';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type AttachmentStore, type StoredFile } from './attachment-store.ts';
import type { FormProblem } from './evidence-form.ts';
import { checkFileType } from './file-type.ts';

/** The name to keep: no folders (old browsers send "C:\fakepath\..."), no control characters, not too long. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\p{Cc}\p{Cf}"]/gu, '').trim();
  if (clean.length <= 150) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 9 ? clean.slice(dot) : '';
  return clean.slice(0, 150 - extension.length) + extension;
}

/**
 * Checks each uploaded file (size, then type by its bytes) and stores the good ones. A
 * file input left empty arrives as a part with no name and no bytes: it is nothing.
 */
export async function receiveUploads(
  files: MultipartFile[],
  store: AttachmentStore,
): Promise<{ stored: StoredFile[]; problems: FormProblem[] }> {
  const stored: StoredFile[] = [];
  const problems: FormProblem[] = [];
  const refuse = (key: string, file: string) =>
    problems.push({ field: 'attachments', key: `pages.evidence.errors.${key}`, params: { file } });
  for (const file of files) {
    const fileName = cleanFileName(file.filename ?? '');
    const content = await file.toBuffer();
    if (!fileName && content.length === 0) continue;
    if (file.file.truncated || content.length > MAX_ATTACHMENT_BYTES) refuse('fileTooBig', fileName);
    else if (content.length === 0) refuse('fileEmpty', fileName);
    else {
      const type = checkFileType(content, fileName);
      if (!type.ok) refuse(type.problem === 'type' ? 'fileType' : 'fileMismatch', fileName);
      else
        stored.push({
          sha256: await store.save(content),
          fileName,
          contentType: type.contentType,
          sizeBytes: content.length,
        });
    }
  }
  return { stored, problems };
}

/** Files carried from an earlier attempt at the same form, still ticked to keep. */
export function pendingFiles(tokens: string[], store: AttachmentStore): StoredFile[] {
  const seen = new Set<string>();
  return tokens
    .map((token) => store.fromToken(token))
    .filter(
      (file): file is StoredFile =>
        !!file && !seen.has(file.sha256 + file.fileName) && !!seen.add(file.sha256 + file.fileName),
    );
}

export function tooManyProblem(count: number): FormProblem[] {
  return count > MAX_ATTACHMENTS
    ? [{ field: 'attachments', key: 'pages.evidence.errors.tooManyFiles', params: { max: MAX_ATTACHMENTS } }]
    : [];
}
