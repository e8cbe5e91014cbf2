import type { Coverage, ListedSchool } from './address-list-parser.ts';

/** The fields an edition of the list can change. */
export const LISTED_FIELDS = [
  'name',
  'laCode',
  'sector',
  'governance',
  'wmCode',
  'schoolType',
  'religiousCharacter',
  'address1',
  'address2',
  'address3',
  'address4',
  'postcode',
  'phone',
  'pupils',
] as const satisfies readonly (keyof ListedSchool)[];
export type ListedField = (typeof LISTED_FIELDS)[number];

export type CurrentSchool = ListedSchool & { open: boolean };
export type FieldChange = { before: unknown; after: unknown };

export type ImportPlan = {
  added: ListedSchool[];
  changed: { school: ListedSchool; fields: Partial<Record<ListedField, FieldChange>> }[];
  reopened: { school: ListedSchool; fields: Partial<Record<ListedField, FieldChange>> }[];
  closed: CurrentSchool[];
  unchanged: number;
};

function differences(current: CurrentSchool, listed: ListedSchool) {
  const fields: Partial<Record<ListedField, FieldChange>> = {};
  for (const field of LISTED_FIELDS) {
    if ((current[field] ?? null) !== (listed[field] ?? null))
      fields[field] = { before: current[field] ?? null, after: listed[field] ?? null };
  }
  return fields;
}

/** What applying an edition would do: pure, so the preview and the apply agree by construction. */
export function planImport(current: CurrentSchool[], listed: ListedSchool[], covers: Coverage = 'all'): ImportPlan {
  const byNumber = new Map(current.map((s) => [s.number, s]));
  const listedNumbers = new Set(listed.map((s) => s.number));
  const plan: ImportPlan = { added: [], changed: [], reopened: [], closed: [], unchanged: 0 };
  for (const school of listed) {
    const existing = byNumber.get(school.number);
    if (!existing) {
      plan.added.push(school);
      continue;
    }
    const fields = differences(existing, school);
    if (!existing.open) plan.reopened.push({ school, fields });
    else if (Object.keys(fields).length) plan.changed.push({ school, fields });
    else plan.unchanged++;
  }
  const covered = (s: CurrentSchool) => covers === 'all' || (covers === 'pru') === (s.sector === 'pru');
  plan.closed = current.filter((s) => s.open && covered(s) && !listedNumbers.has(s.number));
  return plan;
}

export function planIsEmpty(plan: ImportPlan): boolean {
  return plan.added.length + plan.changed.length + plan.reopened.length + plan.closed.length === 0;
}
