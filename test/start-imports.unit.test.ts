// Issue 19, "quick to start": the libraries that make files (PDF, Word, spreadsheets, QR codes),
// send email or build the stylesheet are loaded on first use, with import(), never while the server
// starts. Each costs tenths of a second and tens of MB at every start for work most runs never do.
// The check follows every import that runs at start (static imports and re-exports, not `import
// type`, not import()) from src/main.ts and lists the packages reached.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const mainFile = path.join(root, 'src/main.ts');

/** Packages that must not load at start: each is imported where it is used, with import(). */
const LOADED_ON_FIRST_USE = [
  'pdfkit',
  'docx',
  '@e965/xlsx',
  'sass',
  'qrcode',
  'nodemailer',
  'tar',
  'cli-progress',
  'pdfjs-dist',
  'pdf-parse',
  'mammoth',
];

type Specifiers = { atStart: string[]; onDemand: string[] };

/** A module's specifiers: those loaded with it (what Node keeps after type stripping), and import()'s. */
export function specifiersOf(file: string, source: string): Specifiers {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: Specifiers = { atStart: [], onDemand: [] };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      // `import { type A } from 'x'` still loads x (verbatimModuleSyntax keeps `import {} from 'x'`).
      if (!node.importClause?.isTypeOnly) found.atStart.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.atStart.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.onDemand.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** The packages reached from `entry`, following import() too when `onDemand` is set. */
function packagesReached(entry: string, onDemand: boolean): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.[cm]?[jt]s$/.test(file)) continue;
    const specifiers = specifiersOf(file, fs.readFileSync(file, 'utf8'));
    for (const specifier of [...specifiers.atStart, ...(onDemand ? specifiers.onDemand : [])]) {
      if (specifier.startsWith('.')) pending.push(path.resolve(path.dirname(file), specifier));
      else if (!specifier.startsWith('node:') && !packages.has(packageOf(specifier)))
        packages.set(packageOf(specifier), path.relative(root, file));
    }
  }
  return packages;
}

describe('libraries loaded at start', () => {
  it('tells what loads with a module from what import() loads later', () => {
    const source = [
      "import type { A } from 'pdfkit';",
      "import { type B } from 'docx';",
      "import C from 'fastify';",
      "export { D } from './d.ts';",
      "export type { E } from './e.ts';",
      "const lazy = await import('@e965/xlsx');",
    ].join('\n');
    expect(specifiersOf('x.ts', source)).toEqual({
      atStart: ['docx', 'fastify', './d.ts'],
      onDemand: ['@e965/xlsx'],
    });
  });

  it('includes none that make files, send email or build the stylesheet', () => {
    const atStart = packagesReached(mainFile, false);
    // The walk followed the app: the web framework and the templates are reached.
    expect(atStart.has('fastify')).toBe(true);
    expect(atStart.has('nunjucks')).toBe(true);
    const loaded = LOADED_ON_FIRST_USE.filter((name) => atStart.has(name)).map(
      (name) => `${name} (imported by ${atStart.get(name)})`,
    );
    expect(loaded, 'import these with import() where they are used').toEqual([]);
  });

  it('still reaches the file-making libraries through import(), so the check above is not empty', () => {
    const onDemand = packagesReached(mainFile, true);
    for (const name of ['pdfkit', 'docx', '@e965/xlsx', 'qrcode', 'nodemailer']) expect(onDemand.has(name)).toBe(true);
  });
});
