import type { TFunction } from 'i18next';
import { costTotals, type CostTotals } from '../development-plan/cost-totals.ts';
import { outlineYears } from '../development-plan/plan-years-service.ts';
import type { Block, Section } from './output-document.ts';
import {
  date,
  k,
  money,
  priorityHeading,
  priorityReviews,
  years,
  type OutputData,
  type PlannedPriority,
} from './output-data.ts';
import { asWritten, withPassages, writtenFor } from './passages.ts';

/**
 * The parts of the plan added with the three-year plan (issue 15): termly progress reviews, costs by
 * funding source, the approval's meeting, years two and three in outline and Estyn's recommendations.
 * The SDP summary and the governors' report each take the ones they need.
 */
type Lang = 'en' | 'cy';
type Part = (p: PlannedPriority, d: OutputData, t: TFunction, lang: Lang) => Block[];

/** The plan's costs, worked out as the plan's costs page does, from the priorities in the document. */
export const planCosts = (d: OutputData): CostTotals => costTotals(d.priorities, d.academicYear);

/** A funding source in words; another grant by its name. */
export const sourceName = (s: { source: string; grantName: string }, t: TFunction) =>
  s.grantName
    ? t(k('sdp.sourceGrant'), { source: t(`reference.fundingSource.${s.source}`), grant: s.grantName })
    : t(`reference.fundingSource.${s.source}`);

/** The meeting that approved the revision, as minuted; older approvals say it was not recorded. */
export function approvalRows(d: OutputData, t: TFunction, lang: Lang): [string, string][] {
  const r = d.plan?.latestRevision;
  if (!r?.approvedAt) return [];
  const recordedBy: [string, string][] = r.approvedByName ? [[t(k('sdp.recordedBy')), r.approvedByName]] : [];
  if (!r.approvalMeeting) return [[t(k('sdp.meeting')), t(k('sdp.meetingNotRecorded'))], ...recordedBy];
  return [
    [
      t(k('sdp.meeting')),
      r.approvalMeeting === 'committee'
        ? t(k('sdp.committeeMeeting'), { name: r.approvalCommittee ?? '' })
        : t(k('sdp.fullGoverningBody')),
    ],
    [t(k('sdp.meetingOn')), date(r.approvalMeetingOn, lang)],
    [t(k('sdp.minute')), r.approvalMinute ?? ''],
    [t(k('sdp.resolution')), r.approvalResolution ?? ''],
    ...recordedBy,
  ];
}

/** The priority's latest termly review: its rating in words and date, then what it said, in its language. */
export const latestReview: Part = (p, _d, t, lang) => {
  const latest = priorityReviews(p)[0];
  if (!latest) return [{ type: 'facts', rows: [[t(k('sdp.latestReview')), t(k('sdp.notReviewed'))]] }];
  return [
    {
      type: 'facts',
      rows: [
        [
          t(k('sdp.latestReview')),
          t(k('sdp.reviewOn'), {
            rating: t(`reference.progressRating.${latest.rating}`),
            date: date(latest.reviewedOn, lang),
          }),
        ],
      ],
    },
    ...(latest.comment
      ? [
          {
            type: 'paragraph' as const,
            text: writtenFor(t, lang)(latest, latest.comment, 'comment'),
          },
        ]
      : []),
  ];
};

/** The priority's reviews in this school year (September to August), oldest first. */
export const reviewHistory: Part = (p, d, t, lang) => {
  const from = `${d.academicYear}-09-01`;
  const to = `${d.academicYear + 1}-08-31`;
  const inYear = priorityReviews(p)
    .filter((r) => r.reviewedOn >= from && r.reviewedOn <= to)
    .reverse();
  return inYear.length
    ? [
        {
          type: 'table',
          caption: t(k('governors.reviewHistory')),
          head: [t(k('governors.reviewedOn')), t(k('governors.rating'))],
          widths: [0.5, 0.5],
          rows: inYear.map((r) => [date(r.reviewedOn, lang), t(`reference.progressRating.${r.rating}`)]),
        },
      ]
    : [];
};

/** What the priority costs from each funding source. */
export const costBySource: Part = (p, d, t, lang) => {
  const { bySource } = costTotals([p], d.academicYear);
  return bySource.length
    ? [
        {
          type: 'table',
          caption: t(k('sdp.bySource')),
          head: [t(k('sdp.source')), t(k('sdp.cost'))],
          widths: [0.75, 0.25],
          rows: bySource.map((s) => [sourceName(s, t), money(s.totalPence, lang)]),
        },
      ]
    : [];
};

/** The plan's totals by funding source and by school year, for the costs section. */
export function costTotalBlocks(d: OutputData, t: TFunction, lang: Lang): Block[] {
  const totals = planCosts(d);
  if (!totals.rows.length) return [];
  const total = [t(k('sdp.planTotal')), money(totals.totalPence, lang)];
  return [
    {
      type: 'table',
      caption: t(k('sdp.sourceTotals')),
      head: [t(k('sdp.source')), t(k('sdp.cost'))],
      widths: [0.75, 0.25],
      rows: [...totals.bySource.map((s) => [sourceName(s, t), money(s.totalPence, lang)]), total],
    },
    {
      type: 'table',
      caption: t(k('sdp.yearTotals')),
      head: [t(k('sdp.schoolYear')), t(k('sdp.cost'))],
      widths: [0.75, 0.25],
      rows: [...totals.byYear.map((y) => [years(y.year), money(y.totalPence, lang)]), total],
    },
  ];
}

const TERMS = ['autumn', 'spring', 'summer', 'year'] as const;
/** An outline entry's intended actions in the order of the year: autumn, spring, summer, then the whole year. */
export const inTermOrder = <A extends { term: (typeof TERMS)[number] }>(actions: readonly A[]) =>
  [...actions].sort((a, b) => TERMS.indexOf(a.term) - TERMS.indexOf(b.term));

/** Years two and three in outline, for readers who may see it (the school's staff and its governors). */
export function outlineSection(d: OutputData, t: TFunction, lang: Lang): Section[] {
  const w = writtenFor(t, lang);
  if (!d.outline || !d.plan) return [];
  const outline = d.outline;
  const blocks = outlineYears(d.plan.firstYear).flatMap((year, i): Block[] => {
    const entries = outline.filter((o) => o.academicYear === year);
    return [
      { type: 'paragraph', text: t(k('sdp.outlineYear'), { n: i + 2, years: years(year) }) },
      ...(entries.length
        ? entries.flatMap((o): Block[] => [
            {
              type: 'paragraph',
              text: o.summary
                ? [...w(o, o.title, 'title'), { text: ': ' }, ...w(o, o.summary, 'summary')]
                : w(o, o.title, 'title'),
            },
            o.actions.length
              ? {
                  type: 'bullets',
                  items: inTermOrder(o.actions).map((a) => ({
                    // An intended action is written in its outline entry's language.
                    text: withPassages(
                      t,
                      k('sdp.intendedAction'),
                      { term: t(`pages.planOutline.fields.${a.term}`) },
                      { action: w({ ...a, language: o.language }, a.description, 'description') },
                    ),
                  })),
                }
              : { type: 'paragraph', text: t(k('sdp.noIntendedActions')) },
          ])
        : [{ type: 'paragraph' as const, text: t(k('sdp.noOutline')) }]),
    ];
  });
  return [{ heading: t(k('sdp.outline')), blocks: [{ type: 'paragraph', text: t(k('sdp.outlineIntro')) }, ...blocks] }];
}

/** Each Estyn recommendation with the priorities addressing it, if the school recorded its inspection. */
export function recommendationsSection(d: OutputData, t: TFunction, lang: Lang): Section[] {
  const inspection = d.inspection;
  if (!inspection) return [];
  const w = writtenFor(t, lang);
  const named = (p: { id: string; title: string; language: string; academicYear: number }) => {
    const i = d.priorities.findIndex((q) => q.id === p.id);
    return i >= 0
      ? priorityHeading(d.priorities[i]!, i, t, lang)
      : withPassages(
          t,
          k('sdp.otherYearPriority'),
          { years: years(p.academicYear) },
          { title: w(asWritten(p.language), p.title, 'title') },
        );
  };
  return [
    {
      heading: t(k('sdp.recommendations')),
      blocks: [
        { type: 'paragraph', text: t(k('sdp.inspectedOn'), { date: date(inspection.inspectedOn, lang) }) },
        ...(inspection.recommendations.length
          ? inspection.recommendations.flatMap((r): Block[] => [
              {
                type: 'paragraph',
                text: withPassages(t, k('sdp.recommendation'), { number: r.number }, { text: w(r, r.text, 'text') }),
              },
              r.priorities.length
                ? {
                    type: 'bullets',
                    caption: t(k('sdp.addressedBy'), { number: r.number }),
                    items: r.priorities.map((p) => ({ text: named(p) })),
                  }
                : { type: 'paragraph', text: t(k('sdp.notAddressed')) },
            ])
          : [{ type: 'paragraph' as const, text: t(k('sdp.noRecommendations')) }]),
      ],
    },
  ];
}
