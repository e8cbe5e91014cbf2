import type { TFunction } from 'i18next';
import type { Block, Rich, Section, Span } from './output-document.ts';
import {
  approvalRows,
  costBySource,
  costTotalBlocks,
  latestReview,
  outlineSection,
  recommendationsSection,
} from './plan-parts.ts';
import {
  costOf,
  date,
  isOverdue,
  k,
  leadOf,
  leadsOf,
  money,
  priorityHeading,
  shortDate,
  type OutputData,
  type PlannedAction,
  type PlannedPriority,
  type SupportRequestOfPriority,
} from './output-data.ts';
import { writtenFor } from './passages.ts';

/**
 * The SDP summary, built like the governors' report on progress from the same priorities, actions
 * and support. Each part of a priority is a small function returning blocks, so a new part
 * (a termly rating, a source of funding) is one more function in the list.
 */
export type Lang = 'en' | 'cy';
export type Part = (p: PlannedPriority, d: OutputData, t: TFunction, lang: Lang) => Block[];
export { date, priorityHeading, shortDate } from './output-data.ts';

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
      ...approvalRows(d, t, lang),
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
      [t(k('sdp.forWhom')), writtenFor(t, lang)(p, p.learners, 'learners')],
      [t(k('sdp.howWeKnow')), writtenFor(t, lang)(p, p.successMeasure, 'successMeasure')],
      [t(k('sdp.theme')), p.nifTheme ? t(`reference.nifTheme.${p.nifTheme}`) : ''],
      [t(k('sdp.leads')), leadsOf(p).join(', ')],
      [t(k('sdp.priorityTotal')), money(costOf(p.actions), lang)],
    ],
  },
];

const successCriteria: Part = (p, _d, t, lang) => [
  {
    type: 'bullets',
    caption: t(k('sdp.criteria')),
    items: p.criteria.length
      ? // A criterion is written in its priority's language.
        p.criteria.map((c) => ({ text: writtenFor(t, lang)({ ...c, language: p.language }, c.text, 'text') }))
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
            writtenFor(t, lang)(a, a.description, 'description'),
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
export const agreementsText = (r: SupportRequestOfPriority, t: TFunction, lang: Lang): Rich =>
  r.agreements.length
    ? r.agreements.flatMap((a, i): Span[] => {
        const rest = [
          [a.startsOn, a.endsOn]
            .filter(Boolean)
            .map((x) => date(x, lang))
            .join(' – '),
          a.days === null ? '' : t(k('sdp.days'), { days: Number(a.days).toFixed(1) }),
          money(a.costPence, lang),
          t(`brokering.agreementStatus.${a.status}`),
        ].filter(Boolean);
        return [
          { text: `${i ? '. ' : ''}${a.supportingSchoolName}: ` },
          ...writtenFor(t, lang)(a, a.what, 'what'),
          ...rest.map((text) => ({ text: `; ${text}` })),
        ];
      })
    : t(`brokering.requestStatus.${r.status}`);

/** Support asked for on the priority's actions (collaborative or LA) and through brokering, and what came of it. */
const supportTable: Part = (p, _d, t, lang) => {
  const onActions = p.actions.filter((a) => a.supportFrom !== 'none');
  const rows = [
    ...onActions.map((a) => [
      a.supportDetail
        ? writtenFor(t, lang)(a, a.supportDetail, 'supportDetail')
        : writtenFor(t, lang)(a, a.description, 'description'),
      t(`reference.supportFrom.${a.supportFrom}`),
      t(`reference.actionStatus.${a.status}`),
    ]),
    ...p.requests.map((r) => [
      writtenFor(t, lang)(r, r.need, 'need'),
      t(k('sdp.throughBrokering')),
      agreementsText(r, t, lang),
    ]),
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
export const SDP_PRIORITY_PARTS: Part[] = [
  aboutPriority,
  latestReview,
  successCriteria,
  actionsTable,
  costBySource,
  supportTable,
];

export const costsSection = (d: OutputData, t: TFunction, lang: Lang): Section => ({
  heading: t(k('sdp.costs')),
  blocks: [
    {
      type: 'table',
      caption: t(k('sdp.costsCaption')),
      head: [t(k('sdp.priorityColumn')), t(k('sdp.cost'))],
      widths: [0.75, 0.25],
      rows: [
        ...d.priorities.map((p, i) => [priorityHeading(p, i, t, lang), money(costOf(p.actions), lang)]),
        [
          t(k('sdp.planTotal')),
          money(
            d.priorities.reduce((sum, p) => sum + costOf(p.actions), 0),
            lang,
          ),
        ],
      ],
    },
    ...costTotalBlocks(d, t, lang),
  ],
});

/** The school's shared vision heads the plan (issue 15, part 7). */
function visionSection(d: OutputData, t: TFunction, lang: Lang): Section {
  return {
    heading: t(k('sdp.vision')),
    blocks: d.vision
      ? [
          { type: 'paragraph', text: writtenFor(t, lang)(d.vision, d.vision.text, 'text') },
          { type: 'paragraph', text: t(k('sdp.visionAgreed'), { date: date(d.vision.agreedOn, lang) }) },
          { type: 'paragraph', text: writtenFor(t, lang)(d.vision, d.vision.agreedWith, 'agreedWith') },
        ]
      : [{ type: 'paragraph', text: t(k('sdp.noVision')) }],
  };
}

export function sdpSummary(d: OutputData, t: TFunction, lang: Lang): Section[] {
  return [
    visionSection(d, t, lang),
    {
      heading: t(k('sdp.about')),
      blocks: [
        {
          type: 'paragraph',
          text: d.plan?.summary ? writtenFor(t, lang)(d.plan, d.plan.summary, 'summary') : t(k('sdp.noSummary')),
        },
        revisionBlock(d, t, lang),
      ],
    },
    ...d.priorities.map((p, i) => ({
      heading: priorityHeading(p, i, t, lang),
      blocks: SDP_PRIORITY_PARTS.flatMap((part) => part(p, d, t, lang)),
    })),
    ...(d.priorities.length ? [costsSection(d, t, lang)] : []),
    ...outlineSection(d, t, lang),
    ...recommendationsSection(d, t, lang),
  ];
}
