import { FUNDING_SOURCES, isOneOf, type FundingSource } from '../../reference/reference-data.ts';
import { text } from '../../lib/forms.ts';
import { formatPounds, parsePounds } from './money.ts';

/**
 * An action's cost may be split across up to three funding sources (for example part Pupil
 * Development Grant, part school budget): three lines cover the splits schools write in a plan,
 * and a fixed number of lines keeps the form working without JavaScript.
 */
export const COST_LINES = 3;
/** One line above £5 million is a typing slip, not a school's spending. */
export const MAX_LINE_PENCE = 500_000_000;
export const GRANT_NAME_MAX = 200;

export type CostLine = { amountPence: number; source: FundingSource; grantName: string };
export type CostLineForm = { amount: string; source: string; grantName: string };

export const EMPTY_COST_LINE: CostLineForm = { amount: '', source: '', grantName: '' };

/** The ids of a line's fields on the form (1-based), so an error links to the field it is about. */
export const costFieldIds = (n: number) => ({
  amount: `cost${n}`,
  source: `costSource${n}`,
  grantName: `costGrant${n}`,
});

/** The lines as the form posted them (cost1, costSource1, costGrant1, ...), trimmed. */
export function costFormsFrom(body: Record<string, unknown>): CostLineForm[] {
  return Array.from({ length: COST_LINES }, (_, i) => {
    const ids = costFieldIds(i + 1);
    return { amount: text(body[ids.amount]), source: text(body[ids.source]), grantName: text(body[ids.grantName]) };
  });
}

const E = (problem: string) => `pages.planAction.errors.${problem}`;

export type CostValidation = { lines: CostLine[]; errors: Record<string, string> };

/**
 * Checks the cost lines as typed. A line left wholly blank is no line; any other line needs an
 * amount and a source, and a name when the source is another grant. The name is dropped for every
 * other source, so it never describes money it is not about.
 */
export function validateCostLines(forms: readonly CostLineForm[]): CostValidation {
  const errors: Record<string, string> = {};
  const lines: CostLine[] = [];
  forms.slice(0, COST_LINES).forEach((form, index) => {
    const ids = costFieldIds(index + 1);
    if (!form.amount && !form.source && !form.grantName) return;
    const amount = parsePounds(form.amount);
    if (!amount.ok) errors[ids.amount] = E('cost');
    else if (amount.pence === null) errors[ids.amount] = E('costAmountMissing');
    else if (amount.pence > MAX_LINE_PENCE) errors[ids.amount] = E('costTooLarge');
    if (!form.source) errors[ids.source] = E('costSourceMissing');
    else if (!isOneOf(FUNDING_SOURCES, form.source)) errors[ids.source] = E('costSource');
    else if (form.source === 'other_grant' && !form.grantName) errors[ids.grantName] = E('costGrantMissing');
    if (form.grantName.length > GRANT_NAME_MAX) errors[ids.grantName] = E('costGrantTooLong');
    if (amount.ok && amount.pence !== null && isOneOf(FUNDING_SOURCES, form.source))
      lines.push({
        amountPence: amount.pence,
        source: form.source,
        grantName: form.source === 'other_grant' ? form.grantName : '',
      });
  });
  return { lines, errors };
}

/** What the action costs in all: null when it has no cost lines. */
export function totalOf(lines: readonly { amountPence: number }[]): number | null {
  return lines.length ? lines.reduce((sum, l) => sum + l.amountPence, 0) : null;
}

/** The form's lines for saved ones, padded with blank lines to the number the form shows. */
export function costLinesToForm(lines: readonly CostLine[]): CostLineForm[] {
  const forms: CostLineForm[] = lines.map((l) => ({
    amount: formatPounds(l.amountPence),
    source: l.source,
    grantName: l.grantName,
  }));
  while (forms.length < COST_LINES) forms.push(EMPTY_COST_LINE);
  return forms.slice(0, COST_LINES);
}

/**
 * An action's cost lines, whatever stored it: its lines when it has them, otherwise its single
 * cost (a revision frozen before sources were asked for, or a row written without lines) read as
 * one line whose source is not decided.
 */
export function linesOf(action: { costPence: number | null; costs?: readonly CostLine[] | null }): CostLine[] {
  if (action.costs && action.costs.length) return [...action.costs];
  return action.costPence === null ? [] : [{ amountPence: action.costPence, source: 'not_decided', grantName: '' }];
}
