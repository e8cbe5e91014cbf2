// A person tells their sessions apart by browser and device, not by a user-agent string. No
// parsing library is installed; these few families cover what staff in schools and councils use,
// and anything else is named honestly as unknown rather than guessed.

export type DeviceDescription = { browser: string | null; system: string | null };

/** Checked in order: Chromium-based browsers also say "Chrome" and "Safari", so they come first. */
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Microsoft Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

/** Phones and tablets first: an iPhone's agent also says "like Mac OS X", and Android's says "Linux". */
const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const firstMatch = (ua: string, table: [RegExp, string][]) => table.find(([pattern]) => pattern.test(ua))?.[1] ?? null;

export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  const ua = userAgent ?? '';
  return { browser: firstMatch(ua, BROWSERS), system: firstMatch(ua, SYSTEMS) };
}

/** Long enough for any real browser's agent, short enough that a hostile one cannot fill the table. */
export const USER_AGENT_MAX_LENGTH = 512;

export function storedUserAgent(userAgent: string | undefined): string | null {
  const trimmed = userAgent?.trim();
  return trimmed ? trimmed.slice(0, USER_AGENT_MAX_LENGTH) : null;
}
