import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import type { Block, Section } from './output-document.ts';
import {
  costOf,
  isOverdue,
  k,
  leadOf,
  leadsOf,
  money,
  type OutputData,
  type PlannedAction,
  type PlannedPriority,
  type SupportRequestOfPriority,
} from './output-data.ts';

/**
 * The SDP summary and the governors' report on progress: both built from the same priorities,
 * actions and support. Each part of a priority is a small function returning blocks, so a new
 * part (a termly rating, a source of funding) is one more function in the list.
 */
type Lang = 'en' | 'cy';
type Part = (p: PlannedPriority, d: OutputData, t: TFunction, lang: Lang) => Block[];
const date = (value: string | Date | null, lang: Lang) => (value ? formatDate(value, lang) : '');
const shortDates = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' }),
  cy: new Intl.DateTimeFormat('cy-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' }),
};
/** "7 Nov 2026" / "7 Tach 2026": a date that fits a table column. */
const shortDate = (value: string | null, lang: Lang) => (value ? shortDates[lang].format(new Date(value)) : '');
const priorityHeading = (p: PlannedPriority, i: number, t: TFunction) =>
  t(k('sdp.priority'), { number: i + 1, title: p.title });

/** The revision the document shows, and whether the governing body has approved it. */
export function revisionBlock(d: OutputData, t: TFunction, lang: Lang): Block {
  const r = d.plan?.latestRevision;
  const approval = !r
    ? t(k('sdp.noRevision'))
    : !r.approvedAt
      ? t(k('sdp.notApproved'))
      : r.approvedByName
        ? t(k('sdp.approvedOnBy'), { date: date(r.approvedAt, lang), name: r.approvedByName })
        : t(k('sdp.approvedOn'), { date: date(r.approvedAt, lang) });
  return {
    type: 'facts',
    rows: [
      [t(k('sdp.revision')), r ? t(k('sdp.revisionOf'), { number: r.number, date: date(r.createdAt, lang) }) : ''],
      [t(k('sdp.approval')), approval],
      [
        t(k('sdp.planTotal')),
        money(
          d.priorities.reduce((sum, p) => sum + costOf(p.actions), 0),
          lang,
        ),
      ],
    ],
  };
}

const aboutPriority: Part = (p, _d, t, lang) => [
  {
    type: 'facts',
    rows: [
      [t(k('sdp.forWhom')), p.learners],
      [t(k('sdp.howWeKnow')), p.successMeasure],
      [t(k('sdp.theme')), p.nifTheme ? t(`reference.nifTheme.${p.nifTheme}`) : ''],
      [t(k('sdp.leads')), leadsOf(p).join(', ')],
      [t(k('sdp.priorityTotal')), money(costOf(p.actions), lang)],
    ],
  },
];

const successCriteria: Part = (p, _d, t) => [
  {
    type: 'bullets',
    caption: t(k('sdp.criteria')),
    items: p.criteria.length
      ? p.criteria.map((c) => ({ text: c.text, lang: p.language }))
      : [{ text: t(k('sdp.noCriteria')) }],
  },
];

const progressOf = (a: PlannedAction, d: OutputData, t: TFunction) =>
  isOverdue(a, d.today)
    ? t(k('sdp.statusOverdue'), { status: t(`reference.actionStatus.${a.status}`) })
    : t(`reference.actionStatus.${a.status}`);

const actionsTable: Part = (p, d, t, lang) =>
  p.actions.length
    ? [
        {
          type: 'table',
          caption: t(k('sdp.actions')),
          head: [
            t(k('sdp.action')),
            t(k('sdp.lead')),
            t(k('sdp.start')),
            t(k('sdp.due')),
            t(k('sdp.progress')),
            t(k('sdp.cost')),
          ],
          widths: [0.31, 0.16, 0.13, 0.13, 0.14, 0.13],
          rows: p.actions.map((a) => [
            a.description,
            leadOf(a),
            shortDate(a.startOn, lang),
            shortDate(a.dueOn, lang),
            progressOf(a, d, t),
            money(a.costPence, lang),
          ]),
        },
      ]
    : [{ type: 'paragraph', text: t(k('sdp.noActions')) }];

/** What the brokered support agreed for a request came to: who gives it, what, when, days and cost. */
const agreementsText = (r: SupportRequestOfPriority, t: TFunction, lang: Lang) =>
  r.agreements.length
    ? r.agreements
        .map((a) =>
          [
            `${a.supportingSchoolName}: ${a.what}`,
            [a.startsOn, a.endsOn]
              .filter(Boolean)
              .map((x) => date(x, lang))
              .join(' – '),
            a.days === null ? '' : t(k('sdp.days'), { days: Number(a.days).toFixed(1) }),
            money(a.costPence, lang),
            t(`brokering.agreementStatus.${a.status}`),
          ]
            .filter(Boolean)
            .join('; '),
        )
        .join('. ')
    : t(`brokering.requestStatus.${r.status}`);

/** Support asked for on the priority's actions (collaborative or LA) and through brokering, and what came of it. */
const supportTable: Part = (p, _d, t, lang) => {
  const onActions = p.actions.filter((a) => a.supportFrom !== 'none');
  const rows = [
    ...onActions.map((a) => [
      a.supportDetail || a.description,
      t(`reference.supportFrom.${a.supportFrom}`),
      t(`reference.actionStatus.${a.status}`),
    ]),
    ...p.requests.map((r) => [r.need, t(k('sdp.throughBrokering')), agreementsText(r, t, lang)]),
  ];
  return rows.length
    ? [
        {
          type: 'table',
          caption: t(k('sdp.support')),
          head: [t(k('sdp.supportAsked')), t(k('sdp.supportFrom')), t(k('sdp.supportReceived'))],
          widths: [0.4, 0.2, 0.4],
          rows,
        },
      ]
    : [{ type: 'paragraph', text: t(k('sdp.noSupport')) }];
};

/** The parts of a priority in the SDP summary, in order. */
export const SDP_PRIORITY_PARTS: Part[] = [aboutPriority, successCriteria, actionsTable, supportTable];

const costsSection = (d: OutputData, t: TFunction, lang: Lang): Section => ({
  heading: t(k('sdp.costs')),
  blocks: [
    {
      type: 'table',
      caption: t(k('sdp.costsCaption')),
      head: [t(k('sdp.priorityColumn')), t(k('sdp.cost'))],
      widths: [0.75, 0.25],
      rows: [
        ...d.priorities.map((p, i) => [priorityHeading(p, i, t), money(costOf(p.actions), lang)]),
        [
          t(k('sdp.planTotal')),
          money(
            d.priorities.reduce((sum, p) => sum + costOf(p.actions), 0),
            lang,
          ),
        ],
      ],
    },
  ],
});

export function sdpSummary(d: OutputData, t: TFunction, lang: Lang): Section[] {
  return [
    {
      heading: t(k('sdp.about')),
      blocks: [
        {
          type: 'paragraph',
          text: d.plan?.summary || t(k('sdp.noSummary')),
          lang: d.plan?.summary ? d.plan.language : undefined,
        },
        revisionBlock(d, t, lang),
      ],
    },
    ...d.priorities.map((p, i) => ({
      heading: priorityHeading(p, i, t),
      blocks: SDP_PRIORITY_PARTS.flatMap((part) => part(p, d, t, lang)),
    })),
    ...(d.priorities.length ? [costsSection(d, t, lang)] : []),
  ];
}

// ---- the governors' report on progress

const count = (p: PlannedPriority, status: string) => p.actions.filter((a) => a.status === status).length;

const actionProgress: Part = (p, _d, t) => [
  {
    type: 'facts',
    rows: [
      [t(k('sdp.howWeKnow')), p.successMeasure],
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
            text: t(k('governors.overdueItem'), {
              action: a.description,
              lead: leadOf(a) || '–',
              date: date(a.dueOn, lang),
            }),
            lang: a.language,
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
        text: `${t(`reference.supportFrom.${a.supportFrom}`)}: ${a.supportDetail || a.description}`,
        lang: a.language,
      })),
    ...p.requests
      .filter((r) => r.agreements.length)
      .map((r) => ({ text: agreementsText(r, t, lang), lang: r.language })),
  ];
  return items.length
    ? [{ type: 'bullets', caption: t(k('governors.supportReceived')), items }]
    : [{ type: 'paragraph', text: t(k('governors.noSupport')) }];
};

/** The parts of a priority in the governors' report, in order. */
export const GOVERNOR_PRIORITY_PARTS: Part[] = [actionProgress, overdueActions, spending, supportReceived];

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
      priorityHeading(p, i, t),
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
      heading: priorityHeading(p, i, t),
      blocks: GOVERNOR_PRIORITY_PARTS.flatMap((part) => part(p, d, t, lang)),
    })),
  ];
}
