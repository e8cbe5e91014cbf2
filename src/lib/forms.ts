import type { TFunction } from 'i18next';

/** Field name -> catalogue key of the message to show against it. */
export type FieldErrors = Record<string, string>;

/** The GOV.UK error summary list and the per-field messages, translated. */
export function presentErrors(errors: FieldErrors, t: TFunction) {
  const list = Object.entries(errors).map(([field, key]) => ({ text: t(key), href: `#${field}` }));
  const byField = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, { text: t(key) }]));
  return { errors: list, fieldErrors: byField };
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** A form value as a trimmed string ('' when absent or repeated). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Only local paths: an absolute or protocol-relative `next` would be an open redirect. */
export function safeNextPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}
