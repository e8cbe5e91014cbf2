/** How many days ahead an action counts as due soon. */
export const DUE_SOON_DAYS = 30;

export type ActionTiming = 'overdue' | 'due_soon' | null;

/** A YYYY-MM-DD date moved by a number of days. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Overdue: the due date has passed and the action is not done. Due soon: not done and due
 * today or within the next DUE_SOON_DAYS days. Done actions never stand out.
 */
export function actionTiming(
  action: { dueOn: string | null; status: string },
  today: string,
  soonDays = DUE_SOON_DAYS,
): ActionTiming {
  if (!action.dueOn || action.status === 'done') return null;
  if (action.dueOn < today) return 'overdue';
  if (action.dueOn <= addDays(today, soonDays)) return 'due_soon';
  return null;
}
