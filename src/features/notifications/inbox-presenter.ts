// What the notifications pages show: each notification in the reader's language, and the
// preferences grouped the way a person thinks of them.
import type { TFunction } from 'i18next';
import { CADENCES, defaultCadence, type Cadence, type EventKind } from '../../notifications/event-kinds.ts';
import type { InboxItem } from './inbox-repository.ts';
import { messageTitle } from '../../notifications/message-params.ts';

export function notificationTitle(item: Pick<InboxItem, 'kind' | 'params'>, t: TFunction, lang: string): string {
  return messageTitle(t, lang === 'cy' ? 'cy' : 'en', item.kind, item.params);
}

export function presentInbox(items: InboxItem[], t: TFunction, lang: string) {
  return items.map((item) => ({
    id: item.id,
    title: notificationTitle(item, t, lang),
    kindName: t(`notifications.kinds.${item.kind}.name`),
    createdAt: item.createdAt,
    unread: item.readAt === null,
  }));
}

/** Groups for the preferences page: what waits on you first, then by area of work. Every kind is in one. */
export const PREFERENCE_GROUPS: { key: string; kinds: EventKind[] }[] = [
  {
    key: 'waiting',
    kinds: [
      'revision_awaiting_approval',
      'approval_waiting',
      'evidence_to_review',
      'governor_question_asked',
      'governor_question_answered',
    ],
  },
  { key: 'actions', kinds: ['action_assigned', 'action_due_soon', 'action_overdue'] },
  { key: 'school', kinds: ['shared_with_you', 'revision_approved'] },
  {
    key: 'support',
    kinds: ['support_requested', 'support_matched', 'support_closed', 'meeting_arranged', 'meeting_changed'],
  },
  {
    key: 'enquiry',
    kinds: [
      'enquiry_reviewer_invited',
      'enquiry_pack_ready',
      'enquiry_on_site_day',
      'enquiry_report_drafted',
      'enquiry_follow_up_agreed',
    ],
  },
  {
    key: 'la',
    kinds: [
      'plan_round_opened',
      'plan_round_deadline_near',
      'plan_submitted',
      'plan_comments_sent',
      'plan_sent_back',
      'plan_marked_final',
      'concern_review_due',
    ],
  },
  { key: 'national', kinds: ['national_priorities_published', 'national_support_published'] },
];

/** The radios of each kind, checked at the submitted value, else the saved choice, else the default. */
export function presentPreferences(
  saved: Map<string, Cadence>,
  t: TFunction,
  submitted: Partial<Record<string, unknown>> | null,
  errors: Record<string, string>,
  offered: readonly EventKind[],
) {
  const groups = PREFERENCE_GROUPS.map((group) => ({
    ...group,
    kinds: group.kinds.filter((kind) => offered.includes(kind)),
  })).filter((group) => group.kinds.length > 0);
  return groups.map((group) => ({
    legend: t(`notifications.preferences.groups.${group.key}`),
    kinds: group.kinds.map((kind) => {
      const asked = submitted?.[kind];
      const current = typeof asked === 'string' ? asked : (saved.get(kind) ?? defaultCadence(kind));
      const fallback = defaultCadence(kind);
      return {
        name: kind,
        legend: t(`notifications.kinds.${kind}.name`),
        hint: t('notifications.preferences.default', { cadence: t(`notifications.preferences.cadence.${fallback}`) }),
        error: errors[kind] ? t(errors[kind]) : null,
        items: CADENCES.map((cadence) => ({
          value: cadence,
          text: t(`notifications.preferences.cadence.${cadence}`),
          checked: cadence === current,
        })),
      };
    }),
  }));
}
