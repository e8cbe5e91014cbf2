import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

// All the SQL of backup and restore. It reads the catalogue rather than the Drizzle schema, so a
// table added by a later migration is backed up without anyone remembering to list it here.

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as Rows<T>).rows;

export type ForeignKey = { child: string; parent: string };
export type SequenceState = { table: string; column: string; lastValue: string; isCalled: boolean };
export type AppliedMigration = { hash: string; createdAt: string };

/**
 * Text output that does not depend on the server's settings, so a row prints the same on PGlite
 * and on any PostgreSQL server, and the content hashes of a backup and its restore can be compared.
 */
export async function useStableTextOutput(tx: Db): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local extra_float_digits = 1`);
}

/** The migrations Drizzle recorded as applied, oldest first (none on a database never migrated). */
export async function appliedMigrations(db: Db): Promise<AppliedMigration[]> {
  const [exists] = await rows<{ found: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`,
  );
  if (!exists?.found) return [];
  return rows<AppliedMigration>(
    db,
    sql`select hash, created_at::text as "createdAt" from drizzle.__drizzle_migrations order by created_at, id`,
  );
}

export async function listTables(db: Db): Promise<string[]> {
  const result = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return result.map((r) => r.name);
}

export async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  return rows<ForeignKey>(
    db,
    sql`select distinct child.relname as child, parent.relname as parent
        from pg_constraint c
        join pg_class child on child.oid = c.conrelid
        join pg_class parent on parent.oid = c.confrelid
        join pg_namespace n on n.oid = child.relnamespace
        where c.contype = 'f' and n.nspname = 'public'`,
  );
}

/** Columns a row can be written to, in table order (generated columns compute themselves). */
export async function writableColumns(db: Db, table: string): Promise<string[]> {
  const result = await rows<{ name: string }>(
    db,
    sql`select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
        order by ordinal_position`,
  );
  return result.map((r) => r.name);
}

/** Every sequence behind a serial or identity column, with where it has got to. */
export async function sequenceStates(db: Db): Promise<SequenceState[]> {
  const owned = await rows<{ table: string; column: string; sequence: string }>(
    db,
    sql`select table_name as "table", column_name as "column",
               pg_get_serial_sequence(format('public.%I', table_name), column_name) as sequence
        from information_schema.columns
        where table_schema = 'public' and pg_get_serial_sequence(format('public.%I', table_name), column_name) is not null
        order by table_name, column_name`,
  );
  const states: SequenceState[] = [];
  for (const s of owned) {
    // The name comes from the catalogue, already quoted by pg_get_serial_sequence.
    const [state] = await rows<{ lastValue: string; isCalled: boolean }>(
      db,
      sql`select last_value::text as "lastValue", is_called as "isCalled" from ${sql.raw(s.sequence)}`,
    );
    states.push({ table: s.table, column: s.column, lastValue: state!.lastValue, isCalled: state!.isCalled });
  }
  return states;
}

export async function setSequence(db: Db, state: SequenceState): Promise<void> {
  await db.execute(
    sql`select setval(pg_get_serial_sequence(${`public.${quoteIdent(state.table)}`}, ${state.column}), ${state.lastValue}::bigint, ${state.isCalled})`,
  );
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

let cursorNumber = 0;

/**
 * A table's rows as JSON text, one line a row, in a fixed order (byte order of the text itself,
 * which is the same on every server whatever its collation). Runs through a cursor, a batch at a
 * time, so a large table never sits in memory; call it inside a transaction.
 */
export async function* tableLines(tx: Db, table: string, batchSize = 1000): AsyncGenerator<string> {
  const cursor = sql.identifier(`cydwella_backup_${++cursorNumber}`);
  await tx.execute(
    sql`declare ${cursor} no scroll cursor for
        select line from (select row_to_json(t)::text as line from ${sql.identifier(table)} t) lines order by line collate "C"`,
  );
  try {
    for (;;) {
      const batch = await rows<{ line: string }>(tx, sql`fetch forward ${sql.raw(String(batchSize))} from ${cursor}`);
      for (const row of batch) yield row.line;
      if (batch.length < batchSize) return;
    }
  } finally {
    await tx.execute(sql`close ${cursor}`);
  }
}

export async function rowCount(db: Db, table: string): Promise<number> {
  const [result] = await rows<{ n: string }>(db, sql`select count(*)::text as n from ${sql.identifier(table)}`);
  return Number(result!.n);
}

/**
 * Writes rows exactly as `tableLines` printed them: PostgreSQL parses each value with its column's
 * own type, so nothing passes through JavaScript numbers or dates on the way.
 */
export async function insertLines(tx: Db, table: string, columns: string[], lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const list = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${sql.identifier(table)} (${list})
        select ${list} from json_populate_recordset(null::${sql.identifier(table)}, ${`[${lines.join(',')}]`}::json)`,
  );
}

/**
 * The table's own triggers (not the foreign keys' checks) off or on again: a restore writes the
 * backup's rows as they were, so the triggers that keep summaries as things change (the national
 * picture's, migration 0032) must not write over the backup's own copy of those summaries.
 */
export async function setOwnTriggers(tx: Db, table: string, on: boolean): Promise<void> {
  await tx.execute(sql`alter table ${sql.identifier(table)} ${on ? sql`enable` : sql`disable`} trigger user`);
}

/** Only for rows the migrations themselves inserted (reference data) before the backup's copy replaces them. */
export async function deleteAllRows(tx: Db, table: string): Promise<void> {
  await tx.execute(sql`delete from ${sql.identifier(table)}`);
}

/** The attachment files the database refers to. */
export async function referencedAttachments(db: Db): Promise<string[]> {
  const result = await rows<{ sha256: string }>(
    db,
    sql`select distinct sha256 from evidence_attachments order by sha256`,
  );
  return result.map((r) => r.sha256);
}
