// src/app.ts builds the app from every feature; a module it reaches that imports it back (even for a
// type) ties the whole tree into one cycle, so a feature cannot be read, tested or moved on its own.
// What features are given lives in the leaf src/app-deps.ts. Only the entry points may import app.ts.
// Below that, the layering docs/ARCHITECTURE.md writes down: services present nothing, only services
// change the database, nothing in src is test support, and only the entry points import a feature.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, writingFunctions, type Import } from './support/layering.ts';

const root = path.join(import.meta.dirname, '..');
const srcDir = path.join(root, 'src');
const appFile = path.join(srcDir, 'app.ts');

/** Entry points that start the app, and tests, which build it. */
const mayImportApp = (file: string) => {
  const relative = path.relative(srcDir, file).split(path.sep).join('/');
  return relative === 'main.ts' || relative.startsWith('cli/') || /\.test\.ts$/.test(relative);
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.[cm]?[jt]s$/.test(entry.name) ? [full] : [];
  });
}

// Static imports and re-exports (type-only included) and dynamic import() with a literal specifier.
const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** The files under src a module imports by relative path, resolved to absolute paths. */
function relativeImports(file: string, source: string): string[] {
  return [...source.matchAll(specifierPattern)]
    .map((match) => match[1]!)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.resolve(path.dirname(file), specifier));
}

const files = sourceFiles(srcDir);
const graph = new Map(files.map((file) => [file, relativeImports(file, fs.readFileSync(file, 'utf8'))]));

describe('imports of src/app.ts', () => {
  it('reads every kind of import the check relies on', () => {
    const from = path.join(srcDir, 'features/x/routes.ts');
    const source = [
      "import type { AppDeps } from '../../app.ts';",
      "export { buildApp } from '../../app.ts';",
      "const lazy = await import('../../app.ts');",
      "import '../../app.ts';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(relativeImports(from, source)).toEqual([appFile, appFile, appFile, appFile]);
  });

  it('is imported by no module under src but main.ts, the CLI and tests', () => {
    const importers = [...graph]
      .filter(([file, imports]) => !mayImportApp(file) && imports.includes(appFile))
      .map(([file]) => path.relative(root, file));
    expect(importers, 'import AppDeps from src/app-deps.ts instead').toEqual([]);
  });

  it('is in no import cycle, however long', () => {
    const seen = new Set<string>();
    const pending = [...(graph.get(appFile) ?? [])];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      pending.push(...(graph.get(file) ?? []));
    }
    expect(seen.has(appFile), 'a module src/app.ts imports leads back to src/app.ts').toBe(false);
    // The walk followed real files: the features and the app's plugins are all reached.
    expect(seen).toContain(path.join(srcDir, 'features/index.ts'));
    expect(seen).toContain(path.join(srcDir, 'app-deps.ts'));
  });
});

// The layering kept instead of injecting every collaborator (docs/ARCHITECTURE.md section 1, "Rules
// for services and route files"). Each rule prints the imports that break it.
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
const appSources = new Map(
  files.filter((file) => !/\.test\.ts$/.test(file)).map((file) => [file, fs.readFileSync(file, 'utf8')]),
);
const importsByFile = new Map([...appSources].map(([file, source]) => [file, importsOf(file, source)]));
const writers = writingFunctions(new Map([...appSources].filter(([file]) => file.endsWith('-repository.ts'))));

const isService = (file: string) => file.endsWith('-service.ts');
const isRepository = (file: string) => file.endsWith('-repository.ts');
const isFeature = (file: string) =>
  rel(file).startsWith('src/features/') &&
  rel(file) !== 'src/features/index.ts' &&
  rel(file) !== 'src/features/feature.ts';

/** What presents: presenters, route files, the catalogues, templates, Fastify. */
function presentation(found: Import): string | null {
  if (found.resolved === null)
    return /^(fastify|@fastify\/|i18next|nunjucks)/.test(found.specifier) ? found.specifier : null;
  const target = rel(found.resolved);
  if (
    /-presenter\.ts$|routes?\.ts$/.test(target) ||
    target === 'src/plugins/i18n.ts' ||
    target.startsWith('src/views/') ||
    target.startsWith('src/plugins/')
  )
    return target;
  return null;
}

/**
 * Where the database may be changed from, besides services and repositories: the demo world and a
 * restore load whole tables into an empty database, the CLI runs them, and the rate-limit store's
 * one job is counting hits.
 */
const changesAllowed = (file: string) =>
  isService(file) || isRepository(file) || /^src\/(demo|backup|cli|rate-limit)\//.test(rel(file));

/** May import a feature: the registry, the entry points, the demo data, and features themselves. */
const mayImportFeature = (file: string) => {
  const relative = rel(file);
  return (
    relative.startsWith('src/features/') ||
    relative === 'src/main.ts' ||
    relative === 'src/app.ts' ||
    // The job runner's registry, as src/features/index.ts is the pages': a feature's jobs live beside it.
    relative === 'src/jobs/job-table.ts' ||
    relative.startsWith('src/cli/') ||
    relative.startsWith('src/demo/')
  );
};

describe('layering', () => {
  it('reads imports, and which repository functions write, as the rules need', () => {
    const from = path.join(srcDir, 'features/x/x-routes.ts');
    const source = [
      "import type { A } from './a-repository.ts';",
      "import { type B, readB } from './b-repository.ts';",
      "import * as repo from './x-repository.ts';",
      "import { fastify } from 'fastify';",
      "export { z } from './z.ts';",
      'const row = await repo.findX(db); type T = repo.X;',
    ].join('\n');
    expect(importsOf(from, source).map((i) => [i.specifier, i.typeOnly, i.names])).toEqual([
      ['./a-repository.ts', true, []],
      ['./b-repository.ts', false, ['readB']],
      ['./x-repository.ts', false, ['findX']],
      ['fastify', false, ['fastify']],
      ['./z.ts', false, ['z']],
    ]);
    const repository = path.join(srcDir, 'features/x/x-repository.ts');
    const other = path.join(srcDir, 'features/x/other-repository.ts');
    const written = writingFunctions(
      new Map([
        [
          repository,
          [
            "import { users, votes } from '../../db/schema/index.ts';",
            "import { touch } from './other-repository.ts';",
            'const cache = new Map<string, string>();',
            'export async function addUser(db: Db) { await db.insert(users).values({}); }',
            'export const dropVotes = (db: Db) => { const t = votes; return db.delete(t); };',
            'export async function renameAll(db: Db) { await db.execute(sql`update users set name = ${"x"}`); }',
            "export async function lockUser(db: Db) { return db.select().from(users).for('update'); }",
            'export async function addTwice(db: Db) { await addUser(db); await addUser(db); }',
            'export async function seen(db: Db) { await touch(db); }',
            "export async function findUser(db: Db) { cache.delete('k'); return db.select().from(users); }",
          ].join('\n'),
        ],
        [
          other,
          "import { users } from '../../db/schema/index.ts';\nexport async function touch(db: Db) { await db.update(users).set({}); }",
        ],
      ]),
    );
    expect([...(written.get(repository) ?? [])].sort()).toEqual([
      'addTwice',
      'addUser',
      'dropVotes',
      'lockUser',
      'renameAll',
      'seen',
    ]);
    expect([...(written.get(other) ?? [])]).toEqual(['touch']);
  });

  it('keeps presentation out of services: no presenter, route, catalogue, template or Fastify', () => {
    const offending = [...importsByFile]
      .filter(([file]) => isService(file))
      .flatMap(([file, imports]) =>
        imports
          .map(presentation)
          .filter((target) => target !== null)
          .map((target) => `${rel(file)} -> ${target}`),
      );
    expect(offending, 'a service returns data; its caller (route or presenter) formats and translates').toEqual([]);
  });

  it('keeps repositories below services and presentation', () => {
    const offending = [...importsByFile]
      .filter(([file]) => isRepository(file))
      .flatMap(([file, imports]) =>
        imports
          .filter((found) => presentation(found) !== null || (found.resolved !== null && isService(found.resolved)))
          .map((found) => `${rel(file)} -> ${found.resolved ? rel(found.resolved) : found.specifier}`),
      );
    expect(offending).toEqual([]);
  });

  it('changes the database only in services: no route, presenter or helper calls a writing repository function or opens a transaction', () => {
    // The measure the rule keeps true: every change goes through a service, which holds the rule,
    // the transaction and the audit entry. Reading through a repository from a route is allowed.
    const writes = [...importsByFile]
      .filter(([file]) => !changesAllowed(file))
      .flatMap(([file, imports]) =>
        imports
          .filter((found) => found.resolved !== null && !found.typeOnly)
          .flatMap((found) =>
            found.names
              .filter((name) => writers.get(found.resolved!)?.has(name))
              .map((name) => `${rel(file)} -> ${name} (${rel(found.resolved!)})`),
          ),
      );
    const transactions = [...appSources]
      .filter(([file, source]) => !changesAllowed(file) && /\.transaction\(/.test(source))
      .map(([file]) => `${rel(file)} opens a transaction`);
    expect([...writes, ...transactions], 'move the change into the feature’s service').toEqual([]);
    // The rule is checked against real writers: the repositories' inserts, updates and deletes are found.
    expect(writers.get(path.join(srcDir, 'audit/audit-repository.ts'))).toContain('appendAudit');
  });

  it('has no test support in src: nothing imports test/ or vitest', () => {
    const offending = [...importsByFile].flatMap(([file, imports]) =>
      imports
        .filter(
          (found) =>
            found.specifier === 'vitest' ||
            (found.resolved !== null && !path.relative(path.join(root, 'test'), found.resolved).startsWith('..')),
        )
        .map((found) => `${rel(file)} -> ${found.specifier}`),
    );
    expect(offending, 'move it to test/support').toEqual([]);
  });

  it('imports no feature from outside the features, but for the registry, the entry points and the demo data', () => {
    const offending = [...importsByFile]
      .filter(([file]) => !mayImportFeature(file))
      .flatMap(([file, imports]) =>
        imports
          .filter((found) => found.resolved !== null && isFeature(found.resolved))
          .map((found) => `${rel(file)} -> ${rel(found.resolved!)}`),
      );
    expect(
      offending,
      'move what several parts need down into the shared domain (src/directory, src/reference, ...)',
    ).toEqual([]);
  });
});
