// Named prepared statements for PGlite. PGlite's own `query` parses, describes and plans every
// statement afresh (an unnamed statement, six calls into the WebAssembly Postgres); on the embedded
// database that fixed cost, not execution, is most of a page's SQL time (bench/results/README.md:
// the headteacher's home ran 19 statements whose planning took longer than their execution). A
// PostgreSQL server keeps parsed statements per connection when asked by name (node-postgres does,
// drizzle does not ask); this does the same for PGlite: each distinct SQL text is parsed and
// described once under a name, then only bound and executed, with one generic plan kept for it
// (wrapPglite sets plan_cache_mode to force_generic_plan). It follows the extended-query flow of PGlite's own
// `query` (parse, describe, bind, execute, sync), with the protocol serializer and result parser
// PGlite exports, and behaves as it does otherwise: the same parsers, errors and file sync.
import { parse, protocol, type PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import { Parser as ProtocolParser } from 'pg-protocol/dist/parser.js';

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];
type QueryOptions = Parameters<PGlite['query']>[2];
type Statement = { name: string; types: number[]; described: BackendMessage[]; fieldTypes: number[] };
type Parser = (value: string, typeId?: number) => unknown;

/** SQLSTATEs that mean the prepared statement itself is out of date or gone. */
const STALE_STATEMENT = new Set(['0A000', '26000']);

/** Statements worth keeping: queries and row changes (a union may start with a parenthesis). */
const KEPT = /^[\s(]*(select|with|insert|update|delete)\b/i;

/** Enough for every statement the app runs; beyond it the least recently used is closed. */
const MAX_STATEMENTS = 1000;

/**
 * Only the app's reads and writes are kept: DDL (migrations) and session commands run once, and a
 * COPY's blob or given parameter types take PGlite's own path.
 */
const kept = (text: string, options: QueryOptions) => !options?.blob && !options?.paramTypes && KEPT.test(text);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function usePreparedStatements(client: PGlite): void {
  const statements = new Map<string, Statement>();
  let counter = 0;
  const send = (message: Uint8Array) => client.execProtocolStream(message, { syncToFs: false });
  // A bound statement's replies are read by node-postgres's protocol parser, not PGlite's: PGlite's
  // copies every field it reads into a new ArrayBuffer before decoding it, which on a page of many
  // rows (the plan page's 60 actions of 15 columns) cost more than running the statement
  // (bench/results/README.md, session 10: a 60-row statement 1.5 ms against 0.5 ms).
  async function runRaw(message: Uint8Array): Promise<BackendMessage[]> {
    const chunks: Buffer[] = [];
    // Each chunk is a view of the database's memory, which the next reply overwrites: copied as it comes.
    await client.execProtocolRawStream(message, {
      syncToFs: false,
      onRawData: (chunk) => chunks.push(Buffer.from(chunk)),
    });
    const replies: BackendMessage[] = [];
    // Its messages carry the names and fields PGlite's do (PGlite's parser is a fork of it), so
    // PGlite's result parser reads them as its own; an ErrorResponse is a DatabaseError as there.
    new ProtocolParser().parse(Buffer.concat(chunks), (message) => replies.push(message as unknown as BackendMessage));
    return replies;
  }

  async function prepare(text: string): Promise<Statement> {
    const name = `cyd_${++counter}`;
    await send(protocol.serialize.parse({ name, text }));
    const described = await send(protocol.serialize.describe({ type: 'S', name }));
    const row = described.find((m) => m.name === 'rowDescription') as { fields: { dataTypeID: number }[] } | undefined;
    const statement = {
      name,
      types: parse.parseDescribeStatementResults(described),
      fieldTypes: row?.fields.map((f) => f.dataTypeID) ?? [],
      // The row description tells the result parser each column's type, as a portal's would.
      described: described.filter((m) => m.name === 'rowDescription' || m.name === 'noData'),
    };
    if (statements.size >= MAX_STATEMENTS) {
      const [oldestText, oldest] = statements.entries().next().value!;
      statements.delete(oldestText);
      await send(protocol.serialize.close({ type: 'S', name: oldest.name }));
    }
    statements.set(text, statement);
    return statement;
  }

  async function attempt<T>(text: string, params: unknown[], options: QueryOptions, inTransaction: boolean) {
    return client._runExclusiveQuery(async () => {
      const messages: BackendMessage[] = [];
      let statement = statements.get(text);
      let stale = false;
      // Whether the batch below ended with its own sync; if not (preparing failed), one is owed.
      let synced = false;
      try {
        if (statement) {
          // Most recently used last, so the first entry is the one to close when full.
          statements.delete(text);
          statements.set(text, statement);
        } else statement = await prepare(text);
        const types = statement.types;
        const values = params.map((value, i) => {
          if (value === null || value === undefined) return null;
          const serialize = options?.serializers?.[types[i]!] ?? client.serializers[types[i]!];
          return serialize ? serialize(value) : String(value);
        });
        messages.push(...statement.described);
        // Bind, execute and sync in one call into the WebAssembly Postgres rather than three: each
        // call has a fixed cost (copying in and out, running its loop), a good part of a short
        // statement's. An error ends the batch at the sync, as PostgreSQL's pipelining does.
        const replies = await runRaw(
          concat([
            protocol.serialize.bind({ statement: statement.name, values }),
            protocol.serialize.execute({}),
            protocol.serialize.sync(),
          ]),
        );
        synced = true;
        // An ErrorResponse is parsed into a DatabaseError (an Error), as PGlite would throw it itself.
        const error = replies.find((m): m is BackendMessage & Error => m.name === 'error');
        if (error) throw error;
        messages.push(...replies);
      } catch (error) {
        // A statement the schema has since changed under ("cached plan must not change result
        // type") or that is gone is made afresh; any other error (a constraint, a bad value) is
        // the query's own, and its statement stays.
        stale = statement !== undefined && STALE_STATEMENT.has((error as { code?: string }).code ?? '');
        if (stale && statements.get(text) === statement) {
          statements.delete(text);
          await send(protocol.serialize.close({ type: 'S', name: statement!.name }));
          synced = false;
        }
        if (!synced) await send(protocol.serialize.sync());
        throw Object.assign(error as Error, { query: text, params, queryOptions: options, stale });
      }
      if (!inTransaction) await client.syncToFs();
      // The parsers of this statement's own columns only: given a caller's parsers, PGlite's
      // result parser would otherwise copy its whole table of them (every type) for each query.
      const parsers: Record<number, Parser> = {};
      for (const type of statement.fieldTypes) {
        const parser = (options?.parsers?.[type] ?? client.parsers[type]) as Parser | undefined;
        if (parser) parsers[type] = parser;
      }
      return parse.parseResults(messages, parsers, options && { ...options, parsers: undefined })[0] as Results<T>;
    });
  }

  async function run<T>(text: string, params: unknown[] = [], options: QueryOptions, inTransaction: boolean) {
    try {
      return await attempt<T>(text, params, options, inTransaction);
    } catch (error) {
      // Outside a transaction nothing was done: run it again, prepared afresh. Inside one, the
      // transaction has failed and its caller decides.
      if (!(error as { stale?: boolean }).stale || inTransaction) throw error;
      return attempt<T>(text, params, options, inTransaction);
    }
  }

  const query = client.query.bind(client);
  const transaction = client.transaction.bind(client);
  Object.assign(client, {
    // As PGlite's own `query`: wait for the database to be ready and for any open transaction to
    // end, so a statement from outside never runs inside another's transaction.
    query: async <T>(text: string, params?: unknown[], options?: QueryOptions) => {
      if (!kept(text, options)) return query<T>(text, params, options);
      await client._checkReady();
      return client._runExclusiveTransaction(() => run<T>(text, params, options, false));
    },
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) =>
      transaction((tx) => {
        const txQuery = tx.query.bind(tx);
        return callback(
          Object.assign(tx, {
            query: async <R>(text: string, params?: unknown[], options?: QueryOptions) => {
              if (tx.closed) return txQuery<R>(text, params, options); // PGlite's own error for a closed transaction
              return kept(text, options) ? run<R>(text, params, options, true) : txQuery<R>(text, params, options);
            },
          }),
        );
      }),
  });
}
