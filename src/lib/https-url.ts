/**
 * Only an https link to a real host, no longer than `maxLength`: a link people typed is shown to others,
 * so javascript:, data:, plain http and credentials in the address are refused.
 */
export function isSafeHttpsUrl(value: string, maxLength: number): boolean {
  if (!value.startsWith('https://') || value.length > maxLength) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}
