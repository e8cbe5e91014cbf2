import type { AddressInfo } from 'node:net';
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

/** The real app on its own migrated database, listening on a free loopback port. */
export async function startServer(): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = testConfig();
  const app = await buildApp({ config, database, mailer: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
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
