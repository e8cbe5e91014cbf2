import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';
import { COLLABORATIVE_KINDS, COLLABORATIVE_STATUSES } from '../../reference/record-states.ts';
import { oneOf } from './checks.ts';

export const localAuthorities = pgTable('local_authorities', {
  code: text('code').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameCy: text('name_cy').notNull(),
});

/** Governing bodies (management committees for PRUs): federated schools share one. */
export const governingBodies = pgTable('governing_bodies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('governing_body'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per school ever listed in WG's Address list; closed schools stay, with the date. */
export const schools = pgTable(
  'schools',
  {
    number: text('number').primaryKey(),
    name: text('name').notNull(),
    laCode: text('la_code')
      .notNull()
      .references(() => localAuthorities.code),
    sector: text('sector').notNull(),
    governance: text('governance'),
    wmCode: text('wm_code'),
    schoolType: text('school_type'),
    religiousCharacter: text('religious_character'),
    address1: text('address_1'),
    address2: text('address_2'),
    address3: text('address_3'),
    address4: text('address_4'),
    postcode: text('postcode'),
    phone: text('phone'),
    pupils: integer('pupils'),
    // The statutory language category from 2025 (and an optional second one); not in the 2018 list.
    languageCategory: text('language_category'),
    languageCategorySecond: text('language_category_second'),
    governingBodyId: text('governing_body_id').references(() => governingBodies.id),
    open: boolean('open').notNull().default(true),
    closedOn: date('closed_on'),
    // Lower-case, accents removed, name + number + postcode: "ynys mon" finds "Ynys Môn".
    searchText: text('search_text').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('schools_la').on(t.laCode),
    index('schools_sector').on(t.sector),
    index('schools_governing_body').on(t.governingBodyId),
    index('schools_postcode').on(sql`replace(${t.postcode}, ' ', '')`),
  ],
);

/** Each edition of the Address list that was applied. */
export const directoryImports = pgTable('directory_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  editionDate: date('edition_date').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  importedBy: uuid('imported_by').references(() => users.id),
  added: integer('added').notNull(),
  changed: integer('changed').notNull(),
  closed: integer('closed').notNull(),
  reopened: integer('reopened').notNull(),
  unchanged: integer('unchanged').notNull(),
});

/** A school's history: what each import did to it. */
export const schoolChanges = pgTable(
  'school_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schoolNumber: text('school_number')
      .notNull()
      .references(() => schools.number),
    importId: uuid('import_id')
      .notNull()
      .references(() => directoryImports.id),
    kind: text('kind').notNull(),
    fields: jsonb('fields').$type<Record<string, { before: unknown; after: unknown }>>(),
  },
  (t) => [index('school_changes_school').on(t.schoolNumber)],
);

/** Collaboratives: the directory part (issue 5 builds their working space on it). */
export const collaboratives = pgTable(
  'collaboratives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    nameEn: text('name_en').notNull(),
    nameCy: text('name_cy').notNull(),
    laCode: text('la_code').references(() => localAuthorities.code),
    status: text('status').notNull().default('active'),
    // Horizontal ones only: what the members have in common (phase, welsh_medium, faith, special, pru_eotas).
    basis: text('basis'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    oneOf('collaboratives', t.kind, COLLABORATIVE_KINDS),
    oneOf('collaboratives', t.status, COLLABORATIVE_STATUSES),
  ],
);

export const collaborativeMembers = pgTable(
  'collaborative_members',
  {
    collaborativeId: uuid('collaborative_id')
      .notNull()
      .references(() => collaboratives.id, { onDelete: 'cascade' }),
    schoolNumber: text('school_number')
      .notNull()
      .references(() => schools.number),
  },
  (t) => [
    primaryKey({ columns: [t.collaborativeId, t.schoolNumber] }),
    index('collaborative_members_school').on(t.schoolNumber),
  ],
);

/** LA staff (la_officer or improvement_partner of the collaborative's LA) who facilitate it. */
export const collaborativeFacilitators = pgTable(
  'collaborative_facilitators',
  {
    collaborativeId: uuid('collaborative_id')
      .notNull()
      .references(() => collaboratives.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.collaborativeId, t.userId] }),
    index('collaborative_facilitators_user').on(t.userId),
  ],
);
