/**
 * Characters no form answer contains and PostgreSQL cannot (NUL, lone UTF-16 surrogates) or should
 * not store: C0 controls except tab, line feed and carriage return; DEL; C1 controls. With the `u`
 * flag a paired surrogate is one code point, so only an unpaired one matches \p{Cs}.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;

export function isUnsafeText(value: string): boolean {
  return UNSAFE.test(value);
}

/** A part of a multipart body as @fastify/multipart attaches it (it links back to the whole body). */
type MultipartPart = { type: 'field' | 'file'; fieldname: string; value?: unknown; filename?: string };

function isMultipartPart(value: object): value is MultipartPart {
  const part = value as Partial<MultipartPart>;
  return (part.type === 'field' || part.type === 'file') && typeof part.fieldname === 'string';
}

/**
 * Whether any text of a parsed request part (query, params or body, names included) is unsafe.
 * Multipart parts are read by their name, value and file name only: their file stream and the
 * link back to the body are not text.
 */
export function containsUnsafeText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isUnsafeText(value);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  // Parsers cap nesting far below this; deeper input is refused rather than walked.
  if (depth > 32) return true;
  if (Array.isArray(value)) return value.some((item) => containsUnsafeText(item, depth + 1));
  if (isMultipartPart(value)) {
    return (
      isUnsafeText(value.fieldname) ||
      (typeof value.filename === 'string' && isUnsafeText(value.filename)) ||
      containsUnsafeText(value.value, depth + 1)
    );
  }
  return Object.entries(value).some(([key, item]) => isUnsafeText(key) || containsUnsafeText(item, depth + 1));
}
