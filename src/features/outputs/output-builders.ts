import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import type { OutputDocument, Section } from './output-document.ts';
import { k, money, years, type OutputData } from './output-data.ts';
import { governorsReport } from './governors-report.ts';
import { sdpSummary } from './sdp-summary.ts';
import type { OutputKind } from '../../sharing/share-repository.ts';
import type { Paired } from '../../lib/paired-text.ts';
import { asWritten, writtenFor } from './passages.ts';

export type { OutputData } from './output-data.ts';
type Build = (data: OutputData, t: TFunction, lang: 'en' | 'cy') => Section[];

const selfEvaluation: Build = (d, t, lang) => {
  const w = writtenFor(t, lang);
  const strengths = d.findings.filter((f) => f.kind === 'strength');
  const areas = d.findings.filter((f) => f.kind === 'area_for_development');
  const list = (items: (Paired & { title: string })[]) =>
    items.length
      ? [{ type: 'bullets' as const, items: items.map((i) => ({ text: w(i, i.title, 'title') })) }]
      : [{ type: 'paragraph' as const, text: t(k('none')) }];
  const milestones = d.priorities.flatMap((p) =>
    p.actions
      .filter((a) => a.milestones)
      .map((a) => ({ text: [...w(a, a.milestones, 'milestones'), ...(a.dueOn ? [{ text: ` (${a.dueOn})` }] : [])] })),
  );
  const howWell = d.cycle ? w(asWritten(d.cycle.language), d.cycle.howWellAnswer, 'howWellAnswer') : [];
  return [
    {
      heading: t(k('se.howWell')),
      blocks: [{ type: 'paragraph', text: howWell.length ? howWell : t(k('none')) }],
    },
    { heading: t(k('se.strengths')), blocks: list(strengths) },
    { heading: t(k('se.areas')), blocks: list(areas) },
    { heading: t(k('se.priorities')), blocks: list(d.priorities) },
    {
      heading: t(k('se.milestones')),
      blocks: milestones.length
        ? [{ type: 'bullets', items: milestones }]
        : [{ type: 'paragraph', text: t(k('none')) }],
    },
  ];
};

const progress: Build = (d, t, lang) =>
  d.lastYear.length === 0
    ? [
        {
          heading: t(k('progress.heading')),
          blocks: [{ type: 'paragraph', text: t(k('progress.none'), { years: years(d.academicYear - 1) }) }],
        },
      ]
    : d.lastYear.map((p) => ({
        heading: writtenFor(t, lang)(p, p.title, 'title'),
        blocks: [
          {
            type: 'facts',
            rows: [
              [t(k('progress.state')), t(`reference.priorityState.${p.state}`)],
              [
                t(k('progress.whatChanged')),
                p.review?.whatChanged
                  ? writtenFor(t, lang)(p.review, p.review.whatChanged, 'whatChanged')
                  : t(k('progress.notReviewed')),
              ],
            ],
          },
          ...(p.review?.figures.length
            ? [
                {
                  type: 'table' as const,
                  caption: t(k('progress.figures')),
                  head: [
                    t(k('progress.group')),
                    t(k('progress.measure')),
                    t(k('progress.baseline')),
                    t(k('progress.latest')),
                  ],
                  rows: p.review.figures.map((f) => [
                    t(`reference.learnerGroup.${f.learnerGroup}`),
                    writtenFor(t, lang)(asWritten(p.review!.language), f.measure, 'measure'),
                    f.baseline,
                    f.latest,
                  ]),
                },
              ]
            : []),
        ],
      }));

const supportLog: Build = (d, t, lang) => [
  {
    heading: t(k('support.heading'), { years: years(d.financialYear) }),
    blocks: d.support.length
      ? [
          {
            type: 'table',
            caption: t(k('support.caption'), { years: years(d.financialYear) }),
            head: [t(k('support.from')), t(k('support.what')), t(k('support.when')), t(k('support.cost'))],
            rows: d.support.map((s) => [
              t(`reference.supportFrom.${s.supportFrom}`),
              s.detail
                ? writtenFor(t, lang)(s, s.detail, 'supportDetail')
                : writtenFor(t, lang)(s, s.description, 'description'),
              [s.startOn, s.dueOn]
                .filter(Boolean)
                .map((x) => formatDate(x, lang))
                .join(' – '),
              money(s.costPence, lang),
            ]),
          },
        ]
      : [{ type: 'paragraph', text: t(k('support.none')) }],
  },
  ...brokeredSections(d, t, lang),
];

/** Brokered support received, then given: who, what, when, days, cost and the impact recorded. */
function brokeredSections(d: OutputData, t: TFunction, lang: 'en' | 'cy'): Section[] {
  const b = (key: string) => `brokering.supportLog.${key}`;
  const received = d.brokered.filter((r) => r.requestingSchoolNumber === d.school.number);
  const given = d.brokered.filter((r) => r.agreement.supportingSchoolNumber === d.school.number);
  const w = writtenFor(t, lang);
  const table = (rows: typeof d.brokered, who: 'from' | 'to', caption: string): Section['blocks'] => [
    {
      type: 'table',
      caption: t(caption, { years: years(d.financialYear) }),
      head: [t(b(who)), t(b('what')), t(b('when')), t(b('days')), t(b('cost')), t(b('impact'))],
      rows: rows.map((r) => [
        who === 'from' ? r.supportingSchoolName : r.requestingSchoolName,
        w(r.agreement, r.agreement.what, 'what'),
        [r.agreement.startsOn, r.agreement.endsOn]
          .filter(Boolean)
          .map((x) => formatDate(x, lang))
          .join(' – '),
        r.agreement.days === null ? '' : Number(r.agreement.days).toFixed(1),
        money(r.agreement.costPence, lang),
        w(r.agreement, r.agreement.impact, 'impact'),
      ]),
    },
  ];
  return [
    {
      heading: t(b('receivedHeading')),
      blocks: received.length
        ? table(received, 'from', b('receivedCaption'))
        : [{ type: 'paragraph', text: t(b('noneReceived')) }],
    },
    {
      heading: t(b('givenHeading')),
      blocks: given.length ? table(given, 'to', b('givenCaption')) : [{ type: 'paragraph', text: t(b('noneGiven')) }],
    },
  ];
}

const BUILDERS: Record<OutputKind, Build> = {
  sdp_summary: sdpSummary,
  self_evaluation: selfEvaluation,
  progress,
  support_log: supportLog,
  governors_report: governorsReport,
};

export function buildOutput(kind: OutputKind, data: OutputData, t: TFunction, lang: 'en' | 'cy'): OutputDocument {
  const period =
    kind === 'support_log'
      ? years(data.financialYear)
      : kind === 'progress'
        ? years(data.academicYear - 1)
        : years(data.academicYear);
  return {
    kind,
    language: lang,
    title: t(`outputs.titles.${kind}`),
    schoolName: data.school.name,
    subtitle: t(kind === 'support_log' ? k('financialYear') : k('academicYear'), { years: period }),
    sections: BUILDERS[kind](data, t, lang),
    footer: t(k('footer'), { date: formatDate(data.generatedOn, lang) }),
    header: { schoolName: data.school.name, date: formatDate(data.generatedOn, lang) },
    pageOf: t(k('pageOf'), { n: '{n}', m: '{m}' }),
  };
}
