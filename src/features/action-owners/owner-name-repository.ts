import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../../db/schema/index.ts';

/**
 * An action's owner as pages show it (issue 13): the person's current display name when it names
 * a person, else the free text (someone outside Cydwella, or an owner typed before people were).
 */
export function ownerName(table: { owner: AnyPgColumn; ownerUserId: AnyPgColumn }): SQL<string> {
  return sql<string>`coalesce((select ${users.displayName} from ${users} where ${users.id} = ${table.ownerUserId}), ${table.owner})`;
}
