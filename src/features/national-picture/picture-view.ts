import { ALL, collaborativeKey, cubeKey, type PublishedPicture } from './picture-cube.ts';

/** What a viewer narrows the picture to: each is a code or "all" ('*'). */
export type PictureFilters = { year: number; la: string; phase: string; theme: string };
/** A published figure with the group it counts, so tests and downloads can say what it is. */
export type Figure = { key: string; value: number | null };

const fig = (picture: PublishedPicture, key: string): Figure => ({ key, value: picture.figure(key) });

/**
 * The tables of the /national page for these filters, as codes and figures (labels are added by
 * the presenter). Every figure is read from the one suppressed picture, so no filter can make a
 * figure that was not audited against all the others.
 */
export function pictureView(picture: PublishedPicture, f: PictureFilters) {
  const d = picture.dimensions;
  const at = (c: Partial<{ year: number; la: string; phase: string; theme: string; np: string }>) =>
    fig(picture, cubeKey({ year: f.year, la: f.la, phase: f.phase, theme: f.theme, np: ALL, ...c }));
  const themes = f.theme === ALL ? d.themes : [f.theme];
  const collaborativesOf = (la: string) =>
    f.phase === ALL
      ? d.collaboratives
          .filter((c) => c.laCode === la)
          .map((c) => ({ id: c.id, figure: fig(picture, collaborativeKey(f.year, c.id, f.theme)) }))
      : [];
  return {
    total: at({}),
    matrix: {
      columns: d.nps,
      rows: themes.map((theme) => ({ theme, cells: d.nps.map((np) => at({ theme, np })), total: at({ theme }) })),
      columnTotals: d.nps.map((np) => at({ np })),
      total: at({}),
    },
    byPhase: d.phases.map((phase) => ({ phase, figure: at({ phase }) })),
    byLa: d.las.map((la) => ({ la, figure: at({ la }) })),
    byYear: d.years.map((year) => ({ year, figure: at({ year }) })),
    rollUp: {
      wales: at({ la: ALL }),
      las: (f.la === ALL ? d.las : [f.la]).map((la) => ({
        la,
        figure: at({ la }),
        collaboratives: f.la === ALL ? [] : collaborativesOf(la),
      })),
      collaborativesShown: f.la !== ALL && f.phase === ALL,
    },
    rising: risingThemes(picture, f),
  };
}

/** Per theme, schools this year against last year, with the change only where both are shown. */
export function risingThemes(picture: PublishedPicture, f: PictureFilters) {
  const hasLastYear = picture.dimensions.years.includes(f.year - 1);
  return picture.dimensions.themes.map((theme) => {
    const now = fig(picture, cubeKey({ year: f.year, la: f.la, phase: f.phase, theme, np: ALL }));
    const before = hasLastYear
      ? fig(picture, cubeKey({ year: f.year - 1, la: f.la, phase: f.phase, theme, np: ALL }))
      : { key: '', value: null };
    const change = now.value !== null && before.value !== null ? now.value - before.value : null;
    return { theme, now, before, change, rising: change !== null && change > 0 };
  });
}

/** Every published figure a view shows (for tests: each one must be safe, and pairs of them too). */
export function figuresOf(view: ReturnType<typeof pictureView>): Figure[] {
  return [
    view.total,
    ...view.matrix.rows.flatMap((r) => [...r.cells, r.total]),
    ...view.matrix.columnTotals,
    view.matrix.total,
    ...view.byPhase.map((x) => x.figure),
    ...view.byLa.map((x) => x.figure),
    ...view.byYear.map((x) => x.figure),
    view.rollUp.wales,
    ...view.rollUp.las.flatMap((l) => [l.figure, ...l.collaboratives.map((c) => c.figure)]),
    ...view.rising.flatMap((r) => [r.now, r.before]),
  ].filter((x) => x.key !== '');
}
