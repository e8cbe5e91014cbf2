import type { TFunction } from 'i18next';
import { presentErrors, type FieldErrors } from '../../lib/forms.ts';
import { GROUNDS, INTERVENTIONS, SOURCES } from './concern-reference.ts';

/** Options for the case's forms, with what was chosen kept. */
export const checkboxItems = (
  t: TFunction,
  list: readonly string[],
  prefix: string,
  chosen: readonly string[],
  hint?: (code: string) => string | undefined,
) =>
  list.map((code) => ({
    value: code,
    text: t(`${prefix}.${code}`),
    checked: chosen.includes(code),
    hint: hint?.(code) ? { text: hint(code) } : undefined,
  }));
export const sourceItems = (t: TFunction, chosen: string) =>
  SOURCES.map((code) => ({
    value: code,
    text: t(`concern.sources.${code}`),
    checked: chosen === code,
    hint: { text: t(`concern.sourceHints.${code}`) },
  }));
export const groundItems = (t: TFunction, chosen: readonly string[], allowed: readonly string[] = GROUNDS) =>
  checkboxItems(t, allowed, 'concern.groundsNumbered', chosen);
export const interventionItems = (t: TFunction, chosen: readonly string[]) =>
  checkboxItems(t, INTERVENTIONS, 'concern.interventionsNumbered', chosen);
export const interventionRadios = (t: TFunction, chosen: string) =>
  INTERVENTIONS.map((code) => ({
    value: code,
    text: t(`concern.interventionsNumbered.${code}`),
    checked: chosen === code,
  }));

/** Errors for a form, in the order its fields appear. */
export function orderedErrors(errors: FieldErrors, order: string[], t: TFunction) {
  const sorted = Object.fromEntries(Object.entries(errors).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
  return presentErrors(sorted, t);
}
