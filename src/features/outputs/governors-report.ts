import type { TFunction } from 'i18next';
import type { Block, Section } from './output-document.ts';
import { costOf, isOverdue, k, leadOf, leadsOf, money, type OutputData, type PlannedPriority } from './output-data.ts';
import { withPassages, writtenFor } from './passages.ts';
import { costBySource, latestReview, recommendationsSection, reviewHistory } from './plan-parts.ts';
import {
  agreementsText,
  costsSection,
  date,
  priorityHeading,
  revisionBlock,
  type Lang,
  type Part,
} from './sdp-summary.ts';

/**
 * The governors' report on progress: from the same records as the SDP summary, how far each
 * priority's actions have got, what is overdue, what has been spent and the support received.
 * Each part of a priority is a small function, so a termly rating can be one more in the list.
 */
const count = (p: PlannedPriority, status: string) => p.actions.filter((a) => a.status === status).length;

const actionProgress: Part = (p, _d, t, lang) => [
  {
    type: 'facts',
    rows: [
      [t(k('sdp.howWeKnow')), writtenFor(t, lang)(p, p.successMeasure, 'successMeasure')],
      [t(k('sdp.leads')), leadsOf(p).join(', ')],
      [
        t(k('governors.actionsHeading')),
        t(k('governors.actionCounts'), {
          done: count(p, 'done'),
          inProgress: count(p, 'in_progress'),
          notStarted: count(p, 'not_started'),
          total: p.actions.length,
        }),
      ],
    ],
  },
];

const overdueActions: Part = (p, d, t, lang) => {
  const overdue = p.actions.filter((a) => isOverdue(a, d.today));
  return overdue.length
    ? [
        {
          type: 'bullets',
          caption: t(k('governors.overdue')),
          items: overdue.map((a) => ({
            text: withPassages(
              t,
              k('governors.overdueItem'),
              { lead: leadOf(a) || '–', date: date(a.dueOn, lang) },
              { action: writtenFor(t, lang)(a, a.description, 'description') },
            ),
          })),
        },
      ]
    : [{ type: 'paragraph', text: t(k('governors.noneOverdue')) }];
};

const spending: Part = (p, _d, t, lang) => [
  {
    type: 'facts',
    rows: [
      [t(k('governors.spent')), money(costOf(p.actions.filter((a) => a.status === 'done')), lang)],
      [t(k('governors.committed')), money(costOf(p.actions.filter((a) => a.status !== 'done')), lang)],
      [t(k('sdp.priorityTotal')), money(costOf(p.actions), lang)],
    ],
  },
];

const supportReceived: Part = (p, _d, t, lang) => {
  const items = [
    ...p.actions
      .filter((a) => a.supportFrom !== 'none' && a.status !== 'not_started')
      .map((a) => ({
        text: [
          { text: `${t(`reference.supportFrom.${a.supportFrom}`)}: ` },
          ...(a.supportDetail
            ? writtenFor(t, lang)(a, a.supportDetail, 'supportDetail')
            : writtenFor(t, lang)(a, a.description, 'description')),
        ],
      })),
    ...p.requests.filter((r) => r.agreements.length).map((r) => ({ text: agreementsText(r, t, lang) })),
  ];
  return items.length
    ? [{ type: 'bullets', caption: t(k('governors.supportReceived')), items }]
    : [{ type: 'paragraph', text: t(k('governors.noSupport')) }];
};

/** The parts of a priority in the governors' report, in order. */
export const GOVERNOR_PRIORITY_PARTS: Part[] = [
  actionProgress,
  latestReview,
  reviewHistory,
  overdueActions,
  spending,
  costBySource,
  supportReceived,
];

export function governorsReport(d: OutputData, t: TFunction, lang: Lang): Section[] {
  const glance: Block = {
    type: 'table',
    caption: t(k('governors.glance')),
    head: [
      t(k('sdp.priorityColumn')),
      t('reference.actionStatus.done'),
      t('reference.actionStatus.in_progress'),
      t('reference.actionStatus.not_started'),
      t(k('governors.overdueColumn')),
    ],
    widths: [0.44, 0.14, 0.14, 0.14, 0.14],
    rows: d.priorities.map((p, i) => [
      priorityHeading(p, i, t, lang),
      String(count(p, 'done')),
      String(count(p, 'in_progress')),
      String(count(p, 'not_started')),
      String(p.actions.filter((a) => isOverdue(a, d.today)).length),
    ]),
  };
  return [
    {
      heading: t(k('governors.summary')),
      blocks: [
        { type: 'paragraph', text: t(k('governors.intro'), { date: date(d.generatedOn, lang) }) },
        revisionBlock(d, t, lang),
        ...(d.priorities.length ? [glance] : [{ type: 'paragraph' as const, text: t(k('governors.noPriorities')) }]),
      ],
    },
    ...d.priorities.map((p, i) => ({
      heading: priorityHeading(p, i, t, lang),
      blocks: GOVERNOR_PRIORITY_PARTS.flatMap((part) => part(p, d, t, lang)),
    })),
    ...(d.priorities.length ? [costsSection(d, t, lang)] : []),
    ...recommendationsSection(d, t, lang),
  ];
}
