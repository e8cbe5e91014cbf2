import { bigint, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

// Aggregates kept up to date by triggers in the same transaction as the change (issue 19), so a
// page reads a ready summary instead of counting Wales again. The triggers are in migration 0032.

/**
 * Each school's contribution to the national picture, one row per academic year it counts in (a
 * priority, not a draft, shared at national level or wider): its LA and phase, its priorities'
 * themes and national priorities, and its open collaboratives. The picture is a GROUP BY of this.
 */
export const pictureSchoolYears = pgTable(
  'picture_school_years',
  {
    schoolNumber: text('school_number').notNull(),
    academicYear: integer('academic_year').notNull(),
    laCode: text('la_code'),
    sector: text('sector'),
    themes: text('themes').array().notNull(),
    nationalPriorities: text('national_priorities').array().notNull(),
    collaboratives: text('collaboratives').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolNumber, t.academicYear] })],
);

/**
 * A counter per aggregate, raised by the triggers when something it is built from changes, so a
 * cached aggregate knows in one read whether it is still current ('national-picture',
 * 'la-picture' for changes anywhere, 'la-picture:<code>' for one LA's schools).
 */
export const aggregateVersions = pgTable('aggregate_versions', {
  name: text('name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
