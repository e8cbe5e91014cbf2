import type { Language } from '../../plugins/i18n.ts';
import type { OtherLanguage } from '../../lib/paired-text.ts';
import { readerTexts } from '../../lib/reader-texts.ts';
import { readerOutline } from './plan-presenter.ts';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import type { ItemAccess } from '../../sharing/share-repository.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { ACTION_STATUSES } from '../../reference/reference-data.ts';
import * as outlines from './outline-repository.ts';
import * as repo from './plan-repository.ts';
import { DRAFT_STATES, PLAN_STATES, planPriorities } from './plan-service.ts';
import type { SnapshotPriority } from './plan-snapshot.ts';
import { outlineYears, rollForwardDue } from './plan-years-service.ts';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/**
 * The plan page's query: the confirmation to show and the filters of the long list (issue 15).
 * A lead is a person ("person:" and their id) or an owner typed as text ("text:" and the text).
 */
export const PlanQuery = Type.Object({
  done: FormText(40),
  lead: Type.Optional(Type.String({ pattern: `^(?:|person:${UUID}|text:[\\s\\S]{1,200})$`, maxLength: 205 })),
  status: Type.Optional(Type.String({ pattern: `^(?:|${ACTION_STATUSES.join('|')})$`, maxLength: 20 })),
  year: Type.Optional(Type.String({ pattern: '^(?:|1|2|3)$', maxLength: 1 })),
});
export type PlanQueryValues = Static<typeof PlanQuery>;

type Listed = SnapshotPriority & Record<string, unknown>;

const progress = (p: SnapshotPriority & { otherLanguage?: OtherLanguage }, reader: Language) => ({
  id: p.id,
  title: p.title,
  language: p.language,
  rt: readerTexts({ ...p, otherLanguage: p.otherLanguage }, ['title'], reader),
  state: p.state,
  done: p.actions.filter((a) => a.status === 'done').length,
  total: p.actions.length,
});

/**
 * The leads of these priorities' actions, for the plan's filter: people by id, others by the text
 * typed, each once, by name. From the actions already read, not a query of its own.
 */
export function leadsOf(priorities: readonly { actions: readonly { owner: string; ownerUserId?: string | null }[] }[]) {
  const leads = new Map<string, { userId: string | null; name: string }>();
  for (const a of priorities.flatMap((p) => p.actions)) {
    if (!a.owner) continue;
    const key = a.ownerUserId ? `person:${a.ownerUserId}` : `text:${a.owner}`;
    if (!leads.has(key)) leads.set(key, { userId: a.ownerUserId ?? null, name: a.owner });
  }
  return [...leads.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function actionFilter(query: PlanQueryValues): outlines.ActionFilter | null {
  const filter: outlines.ActionFilter = {};
  if (query.lead?.startsWith('person:')) filter.leadUserId = query.lead.slice('person:'.length);
  else if (query.lead?.startsWith('text:')) filter.leadText = query.lead.slice('text:'.length);
  if (query.status) filter.status = query.status;
  return Object.keys(filter).length ? filter : null;
}

/**
 * The top of the plan page: its three years at a glance (year one's priorities with their
 * progress, years two and three in outline) and the filters, applied to the long list below.
 */
export async function planYearsModel(
  db: Db,
  ctx: SchoolRequestContext,
  access: ItemAccess,
  input: {
    plan: repo.DevelopmentPlan;
    year: number;
    inPlan: Listed[];
    drafts: Listed[];
    query: PlanQueryValues;
    reader: Language;
  },
) {
  const { plan, year, query } = input;
  // Year one is the plan's first year: this year's cycle once the plan has been rolled forward.
  let yearOne = [...input.inPlan, ...input.drafts];
  if (plan.firstYear !== year) {
    const cycleId = await repo.findCycleId(db, plan.schoolNumber, plan.firstYear);
    const [agreed, drafts] = await Promise.all([
      planPriorities(db, cycleId, PLAN_STATES, access),
      ctx.can.staff ? planPriorities(db, cycleId, DRAFT_STATES, access) : [],
    ]);
    yearOne = [...agreed, ...drafts];
  }
  // The outline is the school's and its governors', who approve all three years; it is not shared wider.
  const seesOutline = ctx.can.staff || ctx.governingBodyCan.member;
  // The outline's texts as the reader sees them (issue 16); its actions are in their entry's language.
  const outline = readerOutline(seesOutline ? await outlines.planOutline(db, plan.id) : [], input.reader);
  const listed = [...input.inPlan, ...input.drafts];
  const leads = leadsOf(listed);

  const filter = actionFilter(query);
  let inPlan = input.inPlan;
  let drafts = input.drafts;
  if (filter) {
    const ids = await outlines.matchingActionIds(
      db,
      listed.map((p) => p.id),
      filter,
    );
    const narrow = (list: Listed[]) =>
      list.map((p) => ({ ...p, actions: p.actions.filter((a) => ids.has(a.id)) })).filter((p) => p.actions.length > 0);
    inPlan = narrow(inPlan);
    drafts = narrow(drafts);
  }
  const yearFilter = query.year ? Number(query.year) : null;
  const showYearOne = yearFilter === null || yearFilter === 1;
  if (!showYearOne) {
    inPlan = [];
    drafts = [];
  }
  const [yearTwo, yearThree] = outlineYears(plan.firstYear);
  // Outline entries have neither a lead nor a status, so filtering by either leaves them out.
  const listedYears = filter
    ? []
    : [yearTwo!, yearThree!].filter((y) => !yearFilter || y === plan.firstYear + yearFilter - 1);
  const byYear = (y: number) => ({
    n: y - plan.firstYear + 1,
    academicYear: y,
    entries: outline.filter((o) => o.academicYear === y),
  });
  return {
    inPlan,
    drafts,
    page: {
      overview: {
        yearOne: yearOne.map((p) => progress(p, input.reader)),
        outlineYears: [byYear(yearTwo!), byYear(yearThree!)],
        seesOutline,
        rollDue: ctx.can.edit && rollForwardDue(plan, year),
      },
      outlineList: seesOutline ? listedYears.map(byYear) : [],
      filters: {
        active: !!filter || yearFilter !== null,
        lead: query.lead ?? '',
        status: query.status ?? '',
        year: query.year ?? '',
        leads: leads.map((l) => ({ value: l.userId ? `person:${l.userId}` : `text:${l.name}`, text: l.name })),
        showYearOne,
        shown: {
          priorities: inPlan.length + drafts.length,
          actions: [...inPlan, ...drafts].reduce((n, p) => n + p.actions.length, 0),
        },
      },
    },
  };
}
