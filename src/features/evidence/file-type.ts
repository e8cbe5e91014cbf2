import zlib from 'node:zlib';

/**
 * What an uploaded file really is, from its bytes (never from the browser's say-so). Office
 * files are ZIP archives: the entries inside tell a Word document from a spreadsheet.
 */
export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;

/** The extensions a file of each kind may carry. */
const EXTENSIONS: Record<AttachmentKind, readonly string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpg: ['jpg', 'jpeg'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  odt: ['odt'],
  ods: ['ods'],
  txt: ['txt'],
  csv: ['csv'],
};

export const ACCEPT_ATTRIBUTE = Object.values(EXTENSIONS)
  .flat()
  .map((e) => `.${e}`)
  .join(',');

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((b, i) => bytes[i] === b);

type ZipEntry = { name: string; method: number; compressedSize: number; localOffset: number };

/** The entries of a ZIP archive, from its central directory (at the end of the file). */
function zipEntries(bytes: Buffer): ZipEntry[] | null {
  const searchFrom = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

export function zipEntryNames(bytes: Buffer): string[] | null {
  return zipEntries(bytes)?.map((e) => e.name) ?? null;
}

/** A small entry's content (stored or deflated), or null. */
function readEntry(bytes: Buffer, entry: ZipEntry): string | null {
  const at = entry.localOffset;
  if (entry.compressedSize > 4096 || at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data.toString('latin1');
    if (entry.method === 8) return zlib.inflateRawSync(data, { maxOutputLength: 4096 }).toString('latin1');
  } catch {
    return null;
  }
  return null;
}

function zipKind(bytes: Buffer): AttachmentKind | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const names = entries.map((e) => e.name);
  // OpenDocument names its type in a "mimetype" entry (first, by the standard; not always in practice).
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) {
    const mime = readEntry(bytes, mimetype)?.trim();
    if (mime === ATTACHMENT_TYPES.ods) return 'ods';
    if (mime === ATTACHMENT_TYPES.odt) return 'odt';
    return null;
  }
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return null;
}

/** Plain text: no NUL or other control bytes than tab, line breaks and form feed. */
function isPlainText(bytes: Buffer): boolean {
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return false;
  return bytes.length > 0;
}

export function sniffKind(bytes: Buffer, extension: string): AttachmentKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  // Text has no signature: it is text if its name says so and nothing in it says otherwise.
  if ((extension === 'txt' || extension === 'csv') && isPlainText(bytes)) return extension;
  return null;
}

export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : '';
}

export type TypeCheck =
  { ok: true; kind: AttachmentKind; contentType: string } | { ok: false; problem: 'type' | 'mismatch' };

/** An accepted kind whose name agrees with its content, or why not. */
export function checkFileType(bytes: Buffer, fileName: string): TypeCheck {
  const extension = extensionOf(fileName);
  const kind = sniffKind(bytes, extension);
  if (!kind) return { ok: false, problem: 'type' };
  if (!EXTENSIONS[kind].includes(extension)) return { ok: false, problem: 'mismatch' };
  return { ok: true, kind, contentType: ATTACHMENT_TYPES[kind] };
}
