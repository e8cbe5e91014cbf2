// The words of an action's notifications (issue 13): what it is, shortened, and where it is. Shared
// by the services that give an action to someone and by the daily scan that reminds them of it.

/** The tables an action lives in; each has its own page and its own place (school, collaborative, LA). */
export type ActionTable = 'plan' | 'meeting' | 'la' | 'concern';

export const ACTION_SUBJECT_TYPES: Record<ActionTable, string> = {
  plan: 'plan_action',
  meeting: 'meeting_action',
  la: 'la_priority_action',
  concern: 'concern_support_item',
};

const MAX_ACTION_LENGTH = 100;

/** The text cut at the last word boundary within ~100 characters, with an ellipsis when cut. */
export function shortenAction(text: string, max = MAX_ACTION_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * The params of an action's message. A concern case's support item is restricted work: its words
 * never leave the case, so it is named by its kind (`about`) and its school only.
 */
export function actionParams(
  table: ActionTable,
  description: string,
  place: { en: string; cy: string },
): { action: string; place: string } & Record<string, string> {
  const where: Record<string, string> = { place: place.en };
  if (place.cy && place.cy !== place.en) where.placeCy = place.cy;
  if (table === 'concern') return { ...where, action: '', about: 'concern', place: place.en };
  return { ...where, action: shortenAction(description), place: place.en };
}
