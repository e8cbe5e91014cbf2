import net, { type AddressInfo } from 'node:net';
import { buildApp, type App } from '../../src/app.ts';
import type { Database, Db } from '../../src/db/client.ts';
import { createTestDatabase } from '../../test/support/test-database.ts';
import { testConfig } from '../../test/support/test-app.ts';

export type TestServer = {
  /** Where the app listens, like http://127.0.0.1:43117 (no trailing slash). */
  baseUrl: string;
  /** The address the app writes into links it hands out (set-password links). */
  publicUrl: string;
  app: App;
  database: Database;
  db: Db;
  close(): Promise<void>;
};

/**
 * The real app on its own migrated database, listening on a free loopback port (or `port`, with
 * `env` added to its settings: single sign-on needs its public address to be where it listens).
 */
export async function startServer(options: { port?: number; env?: Record<string, string> } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = testConfig(options.env);
  const app = await buildApp({ config, database, mailer: null });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    publicUrl: config.publicUrl,
    app,
    database,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A loopback port nothing listens on now, to start a server on once its address is known. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
