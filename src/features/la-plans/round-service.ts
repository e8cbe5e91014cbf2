import { appendAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/client.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import * as repo from './plan-repository.ts';
import { recordPlanEvent } from './plan-service.ts';
import { STARTING_TEMPLATE } from './plan-template.ts';

export type RoundForm = { titleEn: string; titleCy: string; deadline: DateParts };
export type SectionForm = { titleEn: string; titleCy: string; guidanceEn: string; guidanceCy: string };
export type Changed<T> =
  | { ok: true; row: T }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'conflict' | 'locked' };

const E = (key: string) => `laPlans.errors.${key}`;

export function checkRound(form: RoundForm): { ok: true; deadline: string } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!form.titleEn) errors.titleEn = E('titleEnRequired');
  else if (form.titleEn.length > 200) errors.titleEn = E('titleTooLong');
  if (!form.titleCy) errors.titleCy = E('titleCyRequired');
  else if (form.titleCy.length > 200) errors.titleCy = E('titleTooLong');
  const deadline = parseDateParts(form.deadline);
  if (!deadline.ok)
    errors['deadline-day'] = E(deadline.problem === 'incomplete' ? 'deadlineIncomplete' : 'deadlineInvalid');
  else if (!deadline.value) errors['deadline-day'] = E('deadlineRequired');
  return Object.keys(errors).length || !deadline.ok || !deadline.value
    ? { ok: false, errors }
    : { ok: true, deadline: deadline.value };
}

/** Opens a round on the starting template and gives each of the 22 LAs a draft plan, at once. */
export async function openRound(db: Db, actorId: string, form: RoundForm): Promise<Changed<repo.Round>> {
  const checked = checkRound(form);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  return db.transaction(async (tx) => {
    const round = await repo.insertRound(tx, {
      titleEn: form.titleEn,
      titleCy: form.titleCy,
      deadline: checked.deadline,
      createdBy: actorId,
    });
    await repo.insertSections(
      tx,
      STARTING_TEMPLATE.map((s, i) => ({ ...s, roundId: round.id, position: i + 1 })),
    );
    const laCodes = await repo.allLaCodes(tx);
    const plans = await repo.insertPlans(tx, round.id, laCodes);
    await appendAudit(tx, {
      actorId,
      action: 'la-plan-round-open',
      entityType: 'planning_round',
      entityId: round.id,
      after: { titleEn: round.titleEn, titleCy: round.titleCy, deadline: round.deadline, plans: laCodes.length },
    });
    // Each LA hears of the round through its own plan, the page its officers open.
    for (const plan of plans) await recordPlanEvent(tx, 'plan_round_opened', actorId, plan.id);
    return { ok: true as const, row: round };
  });
}

export function checkSection(form: SectionForm): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of ['titleEn', 'titleCy'] as const) {
    if (!form[f]) errors[f] = E(`${f}Required`);
    else if (form[f].length > 200) errors[f] = E('titleTooLong');
  }
  for (const f of ['guidanceEn', 'guidanceCy'] as const) if (form[f].length > 2000) errors[f] = E('guidanceTooLong');
  return errors;
}

/**
 * Every change to a round's template goes through here: refused once an LA has submitted (what they
 * answered must keep its questions), and refused if another official changed the template since
 * this one read it (the round's version).
 */
async function changeTemplate<T>(
  db: Db,
  round: repo.Round,
  version: number,
  change: (tx: Db) => Promise<T>,
  now: Date,
): Promise<Changed<T>> {
  return db.transaction(async (tx) => {
    if (await repo.anySubmitted(tx, round.id)) return { ok: false as const, reason: 'locked' as const };
    if (!(await repo.bumpRound(tx, round.id, version, now))) return { ok: false as const, reason: 'conflict' as const };
    return { ok: true as const, row: await change(tx) };
  });
}

export async function saveSection(
  db: Db,
  actorId: string,
  round: repo.Round,
  version: number,
  section: repo.Section | null,
  form: SectionForm,
  now: Date,
) {
  const errors = checkSection(form);
  if (Object.keys(errors).length) return { ok: false as const, reason: 'invalid' as const, errors };
  return changeTemplate(
    db,
    round,
    version,
    async (tx) => {
      if (section) {
        const row = await repo.updateSection(tx, section.id, form);
        await appendAudit(tx, {
          actorId,
          action: 'la-plan-section-update',
          entityType: 'planning_round',
          entityId: round.id,
          before: {
            sectionId: section.id,
            titleEn: section.titleEn,
            titleCy: section.titleCy,
            guidanceEn: section.guidanceEn,
            guidanceCy: section.guidanceCy,
          },
          after: { sectionId: section.id, ...form },
        });
        return row;
      }
      const sections = await repo.roundSections(tx, round.id);
      const [row] = await repo.insertSections(tx, [
        { ...form, roundId: round.id, position: (sections.at(-1)?.position ?? 0) + 1 },
      ]);
      await appendAudit(tx, {
        actorId,
        action: 'la-plan-section-add',
        entityType: 'planning_round',
        entityId: round.id,
        after: { sectionId: row!.id, ...form },
      });
      return row!;
    },
    now,
  );
}

/** Swaps a section with its neighbour above or below. */
export async function moveSection(
  db: Db,
  actorId: string,
  round: repo.Round,
  version: number,
  section: repo.Section,
  direction: 'up' | 'down',
  now: Date,
) {
  return changeTemplate(
    db,
    round,
    version,
    async (tx) => {
      const sections = await repo.roundSections(tx, round.id);
      const index = sections.findIndex((s) => s.id === section.id);
      const other = sections[direction === 'up' ? index - 1 : index + 1];
      if (index < 0 || !other) return section;
      await repo.updateSection(tx, other.id, { position: sections[index]!.position });
      const row = await repo.updateSection(tx, section.id, { position: other.position });
      await appendAudit(tx, {
        actorId,
        action: 'la-plan-section-move',
        entityType: 'planning_round',
        entityId: round.id,
        before: { sectionId: section.id, position: section.position },
        after: { sectionId: section.id, position: other.position },
      });
      return row;
    },
    now,
  );
}

export async function removeSection(
  db: Db,
  actorId: string,
  round: repo.Round,
  version: number,
  section: repo.Section,
  now: Date,
) {
  return changeTemplate(
    db,
    round,
    version,
    async (tx) => {
      await repo.deleteSection(tx, section.id);
      await appendAudit(tx, {
        actorId,
        action: 'la-plan-section-remove',
        entityType: 'planning_round',
        entityId: round.id,
        before: {
          sectionId: section.id,
          titleEn: section.titleEn,
          titleCy: section.titleCy,
          position: section.position,
        },
      });
      return section;
    },
    now,
  );
}
