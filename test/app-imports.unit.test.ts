// src/app.ts builds the app from every feature; a module it reaches that imports it back (even for a
// type) ties the whole tree into one cycle, so a feature cannot be read, tested or moved on its own.
// What features are given lives in the leaf src/app-deps.ts. Only the entry points may import app.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
