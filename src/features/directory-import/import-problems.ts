import type { TFunction } from 'i18next';
import type { ImportProblem } from './address-list-parser.ts';

/** One sentence a person can act on: what is wrong and where, in their language. */
export function describeProblem(problem: ImportProblem, t: TFunction): string {
  const where = problem.sheet
    ? problem.row
      ? t('pages.directoryImport.problems.whereCell', {
          sheet: problem.sheet,
          row: problem.row,
          column: problem.column ?? '',
        })
      : t('pages.directoryImport.problems.whereSheet', { sheet: problem.sheet })
    : '';
  const what = t(`pages.directoryImport.problems.${problem.code}`, {
    value: problem.value ?? '',
    column: problem.column ?? '',
    sheet: problem.sheet ?? '',
  });
  return where ? `${where}: ${what}` : what;
}
