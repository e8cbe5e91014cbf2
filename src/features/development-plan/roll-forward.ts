/**
 * The rules for rolling the three-year plan forward a year (issue 15), as a pure function so they
 * can be read and tested on their own; plan-years-service.ts carries them out in one transaction.
 *
 * - The window moves on by one year: year two becomes year one.
 * - What is unfinished in year one carries into the new year: every priority still open (draft,
 *   agreed, in progress) with its actions not done. Starting the new cycle on the cycle page may
 *   already have carried some; those are not carried twice.
 * - The outline of the new year one becomes its draft priorities: an entry continuing a priority
 *   that carried adds its intended actions to the carried copy; any other entry becomes a new draft
 *   priority (naming, if it continued a finished priority, the one it came from). Intended actions
 *   become actions not started, dated by their term.
 * - The outline of the new year two (the old year three) stays; an entry that continued a carried
 *   priority now continues its copy.
 */
import type { OutlineTerm } from './outline-form.ts';

export const OPEN_PRIORITY_STATES = ['draft', 'agreed', 'in_progress'] as const;

export type RollPriority = { id: string; state: string; actions: { id: string; status: string }[] };
export type RollOutlineEntry = {
  id: string;
  academicYear: number;
  continuesPriorityId: string | null;
  title: string;
  summary: string;
  language: string;
  actions: { term: OutlineTerm; description: string }[];
};
export type RollInput = {
  fromYear: number;
  yearOne: RollPriority[];
  /** Year-one priority id -> its copy in the new year's cycle, for what is already there. */
  alreadyCarried: Record<string, string>;
  outline: RollOutlineEntry[];
};
export type DatedAction = { description: string; startOn: string; dueOn: string };
export type RollPlan = {
  toYear: number;
  carry: { priorityId: string; actionIds: string[] }[];
  /** Intended actions added to the new-year copy of a year-one priority (resolved by the service). */
  addToCarried: { outlineId: string; priorityId: string; language: string; actions: DatedAction[] }[];
  newDrafts: {
    outlineId: string;
    title: string;
    description: string;
    language: string;
    carriedFromId: string | null;
    actions: DatedAction[];
  }[];
  /** Outline entries of the new year two that now continue a priority's new-year copy. */
  repoint: { outlineId: string; priorityId: string }[];
  /** Outline entries used up: they are now the new year one's priorities. */
  consumed: string[];
};

/** The dates a term gives an intended action in the school year starting in September of `year`. */
export function termDates(term: OutlineTerm, year: number): { startOn: string; dueOn: string } {
  switch (term) {
    case 'autumn':
      return { startOn: `${year}-09-01`, dueOn: `${year}-12-31` };
    case 'spring':
      return { startOn: `${year + 1}-01-01`, dueOn: `${year + 1}-03-31` };
    case 'summer':
      return { startOn: `${year + 1}-04-01`, dueOn: `${year + 1}-07-31` };
    case 'year':
      return { startOn: `${year}-09-01`, dueOn: `${year + 1}-07-31` };
  }
}

const isOpen = (state: string) => (OPEN_PRIORITY_STATES as readonly string[]).includes(state);

export function planRollForward(input: RollInput): RollPlan {
  const toYear = input.fromYear + 1;
  const open = input.yearOne.filter((p) => isOpen(p.state));
  const carry = open
    .filter((p) => !(p.id in input.alreadyCarried))
    .map((p) => ({ priorityId: p.id, actionIds: p.actions.filter((a) => a.status !== 'done').map((a) => a.id) }));
  const inNewYear = new Set([...open.map((p) => p.id), ...Object.keys(input.alreadyCarried)]);
  const dated = (e: RollOutlineEntry) =>
    e.actions.map((a) => ({ description: a.description, ...termDates(a.term, toYear) }));

  const plan: RollPlan = { toYear, carry, addToCarried: [], newDrafts: [], repoint: [], consumed: [] };
  for (const entry of input.outline) {
    const continues = entry.continuesPriorityId;
    if (entry.academicYear <= toYear) {
      plan.consumed.push(entry.id);
      if (continues && inNewYear.has(continues))
        plan.addToCarried.push({
          outlineId: entry.id,
          priorityId: continues,
          language: entry.language,
          actions: dated(entry),
        });
      else
        plan.newDrafts.push({
          outlineId: entry.id,
          title: entry.title,
          description: entry.summary,
          language: entry.language,
          carriedFromId: continues,
          actions: dated(entry),
        });
    } else if (continues && inNewYear.has(continues)) {
      plan.repoint.push({ outlineId: entry.id, priorityId: continues });
    }
  }
  return plan;
}
