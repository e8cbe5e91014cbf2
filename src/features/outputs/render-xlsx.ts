// Follows the SheetJS docs (aoa_to_sheet with Date cells, cell number formats, column widths).
import * as XLSX from '@e965/xlsx';
import type { TFunction } from 'i18next';
import { costOf, isOverdue, leadOf, leadsOf, type OutputData } from './output-data.ts';
import { costSheet, outlineSheet, reviewSheet } from './xlsx-plan-sheets.ts';
import { DATE_FORMAT, day, MONEY_FORMAT, pounds, sheet, x, type Cell } from './xlsx-sheet.ts';

/**
 * The plan as a workbook: its priorities, its actions, the support asked for, its costs by funding
 * source, its progress reviews and (for the school and its governors) years two and three in outline,
 * headers in the chosen language.
 */
export function renderPlanXlsx(d: OutputData, t: TFunction): Buffer {
  const book = XLSX.utils.book_new();
  const numbered = d.priorities.map((p, i) => ({ p, n: i + 1 }));
  XLSX.utils.book_append_sheet(
    book,
    sheet(
      [
        x('number'),
        x('priority'),
        x('forWhom'),
        x('howWeKnow'),
        x('criteria'),
        x('theme'),
        x('state'),
        x('leads'),
        x('cost'),
      ].map((key) => t(key)),
      numbered.map(({ p, n }) => [
        n,
        p.title,
        p.learners,
        p.successMeasure,
        p.criteria.map((c) => c.text).join('\n'),
        p.nifTheme ? t(`reference.nifTheme.${p.nifTheme}`) : '',
        t(`reference.priorityState.${p.state}`),
        leadsOf(p).join(', '),
        costOf(p.actions) / 100,
      ]),
      { 8: MONEY_FORMAT },
      [8, 40, 30, 40, 50, 30, 16, 30, 12],
    ),
    t(x('sheets.priorities')),
  );
  XLSX.utils.book_append_sheet(
    book,
    sheet(
      [
        x('number'),
        x('priority'),
        x('action'),
        x('lead'),
        x('start'),
        x('due'),
        x('progress'),
        x('overdue'),
        x('cost'),
        x('supportFrom'),
        x('supportDetail'),
        x('milestones'),
      ].map((key) => t(key)),
      numbered.flatMap(({ p, n }) =>
        p.actions.map((a) => [
          n,
          p.title,
          a.description,
          leadOf(a),
          day(a.startOn),
          day(a.dueOn),
          t(`reference.actionStatus.${a.status}`),
          isOverdue(a, d.today) ? t(x('yes')) : '',
          pounds(a.costPence),
          a.supportFrom === 'none' ? '' : t(`reference.supportFrom.${a.supportFrom}`),
          a.supportDetail,
          a.milestones,
        ]),
      ),
      { 4: DATE_FORMAT, 5: DATE_FORMAT, 8: MONEY_FORMAT },
      [8, 30, 50, 24, 12, 12, 14, 10, 12, 24, 40, 40],
    ),
    t(x('sheets.actions')),
  );
  XLSX.utils.book_append_sheet(
    book,
    sheet(
      [
        x('number'),
        x('priority'),
        x('need'),
        x('requestStatus'),
        x('supporter'),
        x('what'),
        x('start'),
        x('due'),
        x('days'),
        x('cost'),
        x('impact'),
      ].map((key) => t(key)),
      numbered.flatMap(({ p, n }) =>
        p.requests.flatMap((r) => {
          const request: Cell[] = [n, p.title, r.need, t(`brokering.requestStatus.${r.status}`)];
          return r.agreements.length
            ? r.agreements.map((a) => [
                ...request,
                a.supportingSchoolName,
                a.what,
                day(a.startsOn),
                day(a.endsOn),
                a.days === null ? null : Number(a.days),
                pounds(a.costPence),
                a.impact,
              ])
            : [[...request, '', '', null, null, null, null, '']];
        }),
      ),
      { 6: DATE_FORMAT, 7: DATE_FORMAT, 9: MONEY_FORMAT },
      [8, 30, 40, 20, 30, 40, 12, 12, 8, 12, 40],
    ),
    t(x('sheets.support')),
  );
  XLSX.utils.book_append_sheet(book, costSheet(d, t), t(x('sheets.costs')));
  XLSX.utils.book_append_sheet(book, reviewSheet(d, t), t(x('sheets.reviews')));
  if (d.outline) XLSX.utils.book_append_sheet(book, outlineSheet(d, t), t(x('sheets.outline')));
  book.Props = { Title: t(`outputs.titles.sdp_summary`), Company: d.school.name };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', cellDates: false }) as Buffer;
}
