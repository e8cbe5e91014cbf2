import type { TFunction } from 'i18next';
import type { LearningRecord, PersonRole, Programme } from './professional-learning-repository.ts';
import type { CompletionForm } from './professional-learning-service.ts';

export type PersonChoice = { id: string; name: string; description: string };

/** One choice per person: their name, then each role with where it is held ("Headteacher, Ysgol X"). */
export function personChoices(rows: readonly PersonRole[], t: TFunction, lang: string): PersonChoice[] {
  const byUser = new Map<string, PersonChoice>();
  for (const row of rows) {
    const place = lang === 'cy' ? row.placeCy : row.placeEn;
    const role = place ? `${t(`roles.${row.role}`)}, ${place}` : t(`roles.${row.role}`);
    const choice = byUser.get(row.userId);
    if (!choice) byUser.set(row.userId, { id: row.userId, name: row.name, description: role });
    else if (!choice.description.split('; ').includes(role)) choice.description += `; ${role}`;
  }
  return [...byUser.values()];
}

export const programmeName = (p: Pick<Programme, 'nameEn' | 'nameCy'>, lang: string) =>
  lang === 'cy' ? p.nameCy : p.nameEn;

/** The select items for the form, keeping what was chosen. */
export function formItems(
  people: readonly PersonChoice[],
  programmes: readonly Programme[],
  form: CompletionForm,
  t: TFunction,
  lang: string,
) {
  return {
    personItems: [
      { value: '', text: t('professionalLearning.form.choosePerson') },
      ...people.map((p) => ({ value: p.id, text: `${p.name} (${p.description})`, selected: p.id === form.person })),
    ],
    programmeItems: [
      { value: '', text: t('professionalLearning.form.chooseProgramme') },
      ...programmes.map((p) => ({ value: p.code, text: programmeName(p, lang), selected: p.code === form.programme })),
    ],
  };
}

/** Records grouped under their programme, in the programmes' order, with each person's roles. */
export function recordsByProgramme(
  records: readonly LearningRecord[],
  programmes: readonly Programme[],
  people: readonly PersonChoice[],
  lang: string,
) {
  const described = new Map(people.map((p) => [p.id, p.description]));
  return programmes
    .map((p) => ({
      code: p.code,
      name: programmeName(p, lang),
      required: p.required,
      records: records
        .filter((r) => r.programmeCode === p.code)
        .map((r) => ({ ...r, description: described.get(r.userId) ?? '' })),
    }))
    .filter((group) => group.records.length > 0);
}
