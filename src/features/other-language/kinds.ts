// The kinds of item that may carry their other-language version (issue 16, part 1), as data: the
// scope a route acts on, the need that lets a person write it (the same need as editing the item),
// the text fields with the original fields' own length limits, and how to load and save one item
// inside that scope. The routes, the page and the service are one, shared by every kind.
import type { Db } from '../../db/client.ts';
import type { OtherLanguage } from '../../lib/paired-text.ts';
import type { Language } from '../../plugins/i18n.ts';
import type { CurrentUser } from '../../policy/roles.ts';
import type { Permission } from '../../policy/policy.ts';
import type { ScopeContext, ScopeName, ScopeNeed } from '../../access/scopes.ts';

/** One text field of an item: its name (the key in `other_language`) and its original's limit. */
export type FieldSpec = { name: string; max: number; multiline: boolean };

/** A child row translated on its parent's page (a priority's success criteria, an outline's actions). */
export type PairedPart = {
  id: string;
  original: string;
  other: string;
  /** Its label (with {{number}}) when the kind's parts are of more than one sort (an enquiry's findings and follow-ups). */
  labelKey?: string;
  number?: number;
};

/** One item as the page shows it: its originals, its other-language texts, where to go back to. */
export type LoadedItem = {
  id: string;
  language: Language;
  /** The record's version (optimistic locking); kinds without one give a stand-in that changes with it. */
  version: number;
  /** The item's name in its own language, for the page's caption. */
  name: string;
  originals: Record<string, string>;
  other: OtherLanguage;
  parts: PairedPart[];
  returnTo: string;
  /** Who wrote it and its state, for kinds whose editors depend on the item (evidence). */
  createdBy?: string | null;
  state?: Record<string, boolean>;
  /** The publisher's names that search also matches (a case study's school or LA). */
  searchNames?: string[];
  /** The plan an LA plan answer belongs to (the answer's key is the plan and the section). */
  planId?: string;
};

/** What a save writes: the item's other-language texts and each part's (by id, '' for none). */
export type SaveArgs = {
  item: LoadedItem;
  other: OtherLanguage;
  parts: Map<string, string>;
  version: number;
  now: Date;
  /** The item's new search words, for kinds that keep them (from the kind's own searchText). */
  searchText?: string;
};

export type KindDef<S extends ScopeName = ScopeName> = {
  /** The path segment after /other-language/. */
  slug: string;
  scope: S;
  need: ScopeNeed<S>;
  /** The audit entry's record type (a label under auditTrail.entities). */
  entityType: string;
  fields: readonly FieldSpec[];
  /** Child rows translated with the item: their limit and how many there can be at most. */
  parts?: { max: number; maxCount: number; labelKey: string };
  load(db: Db, ctx: ScopeContext<S>, ids: Record<string, string>, itemId: string): Promise<LoadedItem | null>;
  /** The platform permission the scope's own routes check first (an LA's pages need la.manage). */
  permission?: Permission;
  /** An item-level rule beyond the route's need (a practitioner edits their own evidence only). */
  mayWrite?(user: CurrentUser | null, ctx: ScopeContext<S>, item: LoadedItem): boolean;
  /** For kinds with a search column: its words from both languages, by the feature's own builder. */
  searchText?(item: LoadedItem, other: OtherLanguage): string;
  /** Writes the texts if the item is still at `version`; false when someone changed it first. */
  save(tx: Db, args: SaveArgs): Promise<boolean>;
};

/** How a kind's items are loaded and saved: its repository's part. */
export type KindStore<S extends ScopeName> = Pick<KindDef<S>, 'load' | 'save'>;

/** Keeps the kind's scope parameter types while listing kinds of different scopes together. */
export const kind = <S extends ScopeName>(def: KindDef<S>): KindDef<S> => def;
