// A leaf: features import what they are given from here, never from app.ts, so no feature sits in an
// import cycle with the app that registers it. Only types come in, from modules that import no feature.
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Mailer } from './lib/mailer.ts';

/** What buildApp is given, and hands on to every feature plugin. */
export type AppDeps = {
  config: Config;
  database: Database;
  mailer: Mailer | null;
  /** Waits before answering a sign-in after repeated failures; replaced in tests. */
  delay?: (ms: number) => Promise<void>;
};
