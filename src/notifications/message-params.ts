// The words of a notification's message (issue 12). Events keep names as they were written; a name
// that has a Welsh form (an LA, a planning round, a national priority) is kept twice, as `<name>` and
// `<name>Cy`, and both catalogues say `{{<name>}}`. Whoever renders a message in Welsh (the inbox,
// the emails) reads the params through this, so the Welsh reader gets the Welsh name.

import { formatDate } from '../lib/dates.ts';

export type MessageLanguage = 'en' | 'cy';

const WELSH_SUFFIX = 'Cy';

/** The params to interpolate for a reader in this language. */
export function paramsIn(lang: MessageLanguage, params: Readonly<Record<string, string>>): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key.endsWith(WELSH_SUFFIX) && Object.hasOwn(params, key.slice(0, -WELSH_SUFFIX.length))) continue;
    const welsh = params[`${key}${WELSH_SUFFIX}`];
    chosen[key] = lang === 'cy' && welsh ? welsh : value;
  }
  return chosen;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One notification's line in the reader's language, the same in the inbox and in emails: the kind's
 * title from the catalogue, with names in the reader's language and dates (kept as ISO days) as the
 * service writes them elsewhere ("7 December 2026", "7 Rhagfyr 2026").
 */
export function messageTitle(
  t: (key: string, params: Record<string, string>) => string,
  lang: MessageLanguage,
  kind: string,
  params: Readonly<Record<string, string>>,
): string {
  const chosen = paramsIn(lang, params);
  for (const [key, value] of Object.entries(chosen)) if (ISO_DATE.test(value)) chosen[key] = formatDate(value, lang);
  // A shared document (the plan's summary, say) has no title of its own: it is named by its kind.
  if (!chosen.title && chosen.output) chosen.title = t(`outputs.titles.${chosen.output}`, {});
  // A concern case's support item is restricted work: its message names it by its kind, never its words.
  if (!chosen.action && chosen.about) chosen.action = t(`myActions.kinds.${chosen.about}`, {});
  return t(`notifications.kinds.${kind}.title`, chosen);
}
