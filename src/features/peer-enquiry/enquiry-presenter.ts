import type { TFunction } from 'i18next';
import type { Db } from '../../db/client.ts';
import { auditTrail } from '../../audit/audit-repository.ts';
import { NIF_THEMES } from '../../reference/reference-data.ts';
import { ENQUIRY_STATES, stepIndex } from '../../policy/enquiry-states.ts';
import { NOTE_ACTIVITIES, type NoteForm } from './enquiry-form.ts';
import type { EnquiryContext } from '../../access/loaders/enquiry.ts';
import * as repo from './enquiry-repository.ts';

/** GOV.UK tag colours by state: a way to tell states apart, never a judgement of the school. */
const TAG_CLASSES: Record<string, string> = {
  proposed: 'govuk-tag--grey',
  agreed: 'govuk-tag--blue',
  preparing: 'govuk-tag--light-blue',
  on_site: 'govuk-tag--purple',
  making_sense: 'govuk-tag--purple',
  report_drafted: 'govuk-tag--blue',
  report_agreed: 'govuk-tag--turquoise',
  follow_up: 'govuk-tag--turquoise',
  closed: 'govuk-tag--grey',
  cancelled: 'govuk-tag--grey',
};
export const stateTag = (t: TFunction, state: string) => ({
  text: t(`enquiries.states.${state}`),
  classes: TAG_CLASSES[state] ?? 'govuk-tag--grey',
});

export const activityLabel = (t: TFunction, code: string) =>
  code === 'other' ? t('enquiries.notes.otherActivity') : t(`reference.evidenceSource.${code}`);

/** The steps from proposed to closed, each done, current or still to come. */
export function stepsOf(t: TFunction, state: string) {
  const current = stepIndex(state);
  return ENQUIRY_STATES.filter((s) => s !== 'cancelled').map((s, i) => ({
    state: s,
    text: t(`enquiries.states.${s}`),
    status: state === 'cancelled' ? 'todo' : i < current ? 'done' : i === current ? 'current' : 'todo',
  }));
}

const TIMELINE_ACTIONS = ['enquiry-propose', 'enquiry-agree', 'enquiry-state', 'enquiry-cancel'];

/** Who moved the enquiry on, and when, newest first, from the audit trail. */
export async function timelineOf(db: Db, t: TFunction, enquiryId: string) {
  const entries = await auditTrail(db, 'peer_enquiry', enquiryId, TIMELINE_ACTIONS);
  return entries.map((e) => {
    const after = (e.after ?? {}) as { state?: string; comment?: string; reason?: string };
    return {
      at: e.at,
      who: e.actorName ?? t('enquiries.timeline.someone'),
      state: t(`enquiries.states.${after.state ?? 'proposed'}`),
      comment: after.comment ?? after.reason ?? '',
    };
  });
}

export const themeItems = (t: TFunction, chosen: string[]) =>
  NIF_THEMES.map((code) => ({ value: code, text: t(`reference.nifTheme.${code}`), checked: chosen.includes(code) }));

export const activityItems = (t: TFunction, chosen: string) => [
  { value: '', text: t('enquiries.notes.chooseActivity') },
  ...NOTE_ACTIVITIES.map((code) => ({ value: code, text: activityLabel(t, code), selected: code === chosen })),
];

/** The notes this viewer may read: all of them while they may, otherwise only their own. */
export async function visibleNotes(db: Db, ctx: EnquiryContext, userId: string) {
  if (ctx.enquiryCan.readAllNotes) return repo.listNotes(db, ctx.enquiry.id);
  if (ctx.enquiryCan.readOwnNotes) return repo.listNotes(db, ctx.enquiry.id, userId);
  return [];
}

export function noteConflict(t: TFunction, theirs: repo.EnquiryNote, yours: NoteForm & { observedOnText: string }) {
  const rows = [
    { label: t('enquiries.notes.fields.observedOn'), theirs: theirs.observedOn, yours: yours.observedOnText },
    {
      label: t('enquiries.notes.fields.activity'),
      theirs: activityLabel(t, theirs.activity),
      yours: activityLabel(t, yours.activity),
    },
    { label: t('enquiries.notes.fields.hostColleague'), theirs: theirs.hostColleague, yours: yours.hostColleague },
    { label: t('enquiries.notes.fields.body'), theirs: theirs.body, yours: yours.body },
  ];
  return rows.filter((r) => r.theirs !== r.yours);
}
