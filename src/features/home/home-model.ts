// The shape of the signed-in home (issue 13): a section per place the person holds a role in, each
// with short lists of what waits on them there. Builders translate and gate every link; the view
// only lays them out.
import type { FastifyRequest } from 'fastify';
import type { GivenCans } from '../../access/can-open.ts';
import { forReader, type OtherLanguage } from '../../lib/paired-text.ts';

/** Each list shows this many items at most, then "see all N" where there is a page for all of them. */
export const HOME_LIST_CAP = 5;
/** What is due within this many days counts as "due soon" (plan actions, deadlines). */
export const DUE_SOON_DAYS = 14;

/**
 * `lang`: the language of `text` when it is something a person wrote (a title, a need), and
 * `marked` when that is not the reader's (shown "written in Welsh" beside it); `hintLang` and
 * `hintMarked` the same for a hint a person wrote.
 */
export type HomeItem = {
  text: string;
  lang?: string;
  marked?: boolean;
  hint?: string;
  hintLang?: string;
  hintMarked?: boolean;
  href?: string;
  tag?: { text: string; colour: string };
  /** The `can` of the record `href` names, when the builder decided it (a link into another collaborative). */
  given?: GivenCans;
};
export type HomeList = { key: string; heading: string; items: HomeItem[]; seeAll?: { href: string; text: string } };
export type HomeSection = {
  key: string;
  title: string;
  caption: string;
  /** Prominent links to start something (e.g. "Record evidence"). */
  starts: { href: string; text: string }[];
  lists: HomeList[];
};

/** A row a home query returns: `total` is how many matched before the cap (a window count). */
export type HomeRow = {
  kind: string;
  id: string;
  title: string;
  day: string | null;
  ref: string | null;
  /** The language `title` was written in, for content people wrote; null for names. */
  lang: string | null;
  /** The record's other-language texts ('{}' where its table keeps none), and the field `title` is. */
  other: OtherLanguage | null;
  field: string | null;
  total: number;
};

/**
 * A row's title as its reader sees it (DOMAIN.md section 6): their language's version when the
 * record has one, otherwise the original, marked with its language. Names (no `lang`) stay as they are.
 */
export function readerTitle(row: HomeRow, reader: 'en' | 'cy'): { text: string; lang?: string; marked?: boolean } {
  if (!row.lang) return { text: row.title };
  const shown = forReader({ language: row.lang, otherLanguage: row.other }, row.title, row.field ?? '', reader);
  return { text: shown.text, lang: shown.lang, marked: shown.marked };
}

/**
 * Whether a link will open for this reader: from a `can` the builder already decided (a pure policy
 * on records the query returned) when it has one, else the link's own route asking as it would when
 * followed. Answers are kept per request, so the same address is asked once.
 */
export function linkGate(request: FastifyRequest) {
  const asked = new Map<string, Promise<boolean>>();
  return {
    open(address: string, given?: GivenCans): Promise<boolean> {
      if (given) return Promise.resolve(request.canOpen(address, given));
      let answer = asked.get(address);
      if (!answer) asked.set(address, (answer = request.mayOpen(address)));
      return answer;
    },
  };
}
export type LinkGate = ReturnType<typeof linkGate>;

/** Items with their links kept only where they open; the text stays either way. */
export async function gated(gate: LinkGate, items: HomeItem[], given?: GivenCans) {
  return Promise.all(
    items.map(async ({ given: own, ...item }) =>
      item.href && !(await gate.open(item.href, own ?? given)) ? { ...item, href: undefined } : item,
    ),
  );
}

/** A list of the rows of one kind, capped, with "see all N" when more matched and the page opens. */
export async function listOf(
  request: FastifyRequest,
  gate: LinkGate,
  spec: { key: string; heading: string; items: HomeItem[]; total: number; allHref?: string },
  given?: GivenCans,
): Promise<HomeList> {
  const items = await gated(gate, spec.items.slice(0, HOME_LIST_CAP), given);
  const more = spec.total > items.length && spec.allHref && (await gate.open(spec.allHref, given));
  return {
    key: spec.key,
    heading: spec.heading,
    items,
    ...(more ? { seeAll: { href: spec.allHref!, text: request.t('home.seeAll', { count: spec.total }) } } : {}),
  };
}

export const rowsOf = (rows: readonly HomeRow[], kind: string) => rows.filter((r) => r.kind === kind);
export const totalOf = (rows: readonly HomeRow[]) => Number(rows[0]?.total ?? 0);
