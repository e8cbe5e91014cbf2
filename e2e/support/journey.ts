import fs from 'node:fs';
import path from 'node:path';
import { test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type TestServer } from './server.ts';
import { Visitor, type Language, type VisitorOptions } from './visitor.ts';

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../test-results');

function fileSafe(text: string): string {
  return text
    .replace(/[^\w-]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 140);
}

export type Stage = { server: TestServer; browser: Browser };

export type Journey = {
  readonly server: TestServer;
  /** A person arriving in a browser of their own, choosing the language with `/?lang=`. */
  arrive(lang: Language, options?: VisitorOptions): Promise<Visitor>;
};

/**
 * `journeyTest` is vitest's `test` with two fixtures. `stage`: one app on its own database and
 * one Chromium, per test file. `journey`: the people (browser contexts) of one test; after the
 * test they are closed, and when it failed every page still open is first saved to
 * test-results/. Fixtures, not hooks, so tests of a file can run at the same time.
 */
export const journeyTest = test
  .extend('stage', { scope: 'file' }, async ({}, { onCleanup }): Promise<Stage> => {
    const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    onCleanup(async () => {
      await browser.close();
      await server.close();
    });
    return { server, browser };
  })
  .extend('journey', async ({ stage, task }, { onCleanup }): Promise<Journey> => {
    const visitors: Visitor[] = [];
    onCleanup(async () => {
      if (task.result?.state === 'fail') {
        fs.mkdirSync(RESULTS_DIR, { recursive: true });
        const name = fileSafe(`${path.basename(task.file.name, '.test.ts')}-${task.name}`);
        for (const [index, visitor] of visitors.entries()) {
          const file = path.join(RESULTS_DIR, `${name}-${index + 1}.png`);
          await visitor.page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
          console.error(`Screenshot of ${visitor.page.url()} saved to ${path.relative(process.cwd(), file)}`);
        }
      }
      await Promise.all(visitors.map((v) => v.close().catch(() => undefined)));
    });
    return {
      server: stage.server,
      async arrive(lang, options) {
        const visitor = await Visitor.open(stage.browser, stage.server.baseUrl, lang, options);
        visitors.push(visitor);
        await visitor.arrive();
        return visitor;
      },
    };
  });
