import { sql } from 'drizzle-orm';
import { check, type AnyPgColumn } from 'drizzle-orm/pg-core';

const CODE = /^[a-z][a-z0-9_]*$/;

/**
 * A CHECK that the column holds one of the code's own list of codes (issue 17): the list is
 * imported from the leaf module the code reads it from, so the two cannot drift. Codes are plain
 * snake_case, checked here, so writing them into the constraint's SQL is safe.
 */
export function oneOf(table: string, column: AnyPgColumn, codes: readonly string[]) {
  for (const code of codes) if (!CODE.test(code)) throw new Error(`${table}.${column.name}: not a code: ${code}`);
  return check(`${table}_${column.name}_check`, sql`${column} in (${sql.raw(codes.map((c) => `'${c}'`).join(', '))})`);
}
