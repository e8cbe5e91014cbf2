import type { Language } from '../../plugins/i18n.ts';
import { withReaderTexts } from '../../lib/reader-texts.ts';
import { NIF_THEMES } from '../../reference/reference-data.ts';
import { itemHref } from './shared-item.ts';
import type { nationalGround, themeGround } from './space-repository.ts';

type ThemeRow = Awaited<ReturnType<typeof themeGround>>[number];
type NationalRow = Awaited<ReturnType<typeof nationalGround>>[number];

/**
 * The common ground by NIF theme (in the framework's order, priorities without a theme last):
 * themes two or more members share, and themes only one member has (it may find partners in
 * another collaborative). The counts come from the query; this only arranges them.
 */
export function groundByTheme(collaborativeId: string, rows: ThemeRow[], reader: Language) {
  const themes = [...NIF_THEMES, null]
    .map((theme) => {
      const schools = rows.filter((r) => r.theme === theme);
      return {
        theme,
        schoolCount: schools[0]?.schoolCount ?? 0,
        schools: schools.map((s) => ({
          number: s.schoolNumber,
          name: s.schoolName,
          priorities: s.items.map((p) => ({
            ...withReaderTexts(p, ['title'], reader),
            href: itemHref(collaborativeId, 'priority', p.id),
          })),
        })),
      };
    })
    .filter((g) => g.schoolCount > 0);
  return {
    shared: themes.filter((g) => g.schoolCount > 1),
    single: themes.filter((g) => g.schoolCount === 1),
    uncovered: NIF_THEMES.filter((theme) => !themes.some((g) => g.theme === theme)),
  };
}

export function groundByNational(rows: NationalRow[], lang: string) {
  return rows.map((r) => ({
    code: r.code,
    name: lang === 'cy' ? r.nameCy : r.nameEn,
    schoolCount: r.schoolCount,
    schools: r.schools,
  }));
}
