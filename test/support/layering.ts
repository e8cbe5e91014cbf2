// Reads src/ as the TypeScript parser sees it, for test/app-imports.unit.test.ts: what each module
// imports (and, from a repository, which functions it uses), and which repository functions write.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type Import = {
  specifier: string;
  /** Absolute path for a relative specifier, else null (a package or node: builtin). */
  resolved: string | null;
  /** `import type`, or every name in it marked `type`: nothing of it exists at run time. */
  typeOnly: boolean;
  /** The run-time names it brings in, by their exported name; for `import * as ns`, the `ns.name` the file uses. */
  names: string[];
};

export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.[cm]?[jt]s$/.test(entry.name) ? [full] : [];
  });
}

const parse = (file: string, source: string) =>
  ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

function walk(node: ts.Node, visit: (node: ts.Node) => void) {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** `ns.name` used as a value (a `ns.Type` in a type position is a QualifiedName, not counted). */
function namespaceMembers(sourceFile: ts.SourceFile, namespace: string): string[] {
  const names = new Set<string>();
  walk(sourceFile, (node) => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === namespace)
      names.add(node.name.text);
  });
  return [...names];
}

/** Static imports, re-exports and dynamic import() with a literal specifier. */
export function importsOf(file: string, source: string): Import[] {
  const sourceFile = parse(file, source);
  const resolve = (specifier: string) =>
    specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : null;
  const found: Import[] = [];
  walk(sourceFile, (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      const clause = node.importClause;
      const names: string[] = [];
      let typeOnly = !!clause?.isTypeOnly;
      if (clause && !clause.isTypeOnly) {
        if (clause.name) names.push('default');
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) names.push(...namespaceMembers(sourceFile, bindings.name.text));
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements)
            if (!element.isTypeOnly) names.push((element.propertyName ?? element.name).text);
        }
        // `import { type A, type B } from` brings nothing at run time; `import './x'` does (its side effects).
        typeOnly =
          !clause.name &&
          !!bindings &&
          ts.isNamedImports(bindings) &&
          bindings.elements.length > 0 &&
          bindings.elements.every((e) => e.isTypeOnly);
      }
      found.push({ specifier, resolved: resolve(specifier), typeOnly, names });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      const names =
        node.exportClause && ts.isNamedExports(node.exportClause)
          ? node.exportClause.elements.map((e) => (e.propertyName ?? e.name).text)
          : ['*'];
      found.push({ specifier, resolved: resolve(specifier), typeOnly: node.isTypeOnly, names });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      const specifier = node.arguments[0].text;
      found.push({ specifier, resolved: resolve(specifier), typeOnly: false, names: ['*'] });
    }
  });
  return found;
}

/**
 * SQL, in a tagged sql`...` template, that changes rows or only means something inside a change:
 * a transaction's advisory lock, a sequence set, a `set local`.
 */
const WRITING_SQL =
  /\b(insert\s+into|update\s+[\w".]+\s+set|delete\s+from|truncate|pg_advisory_xact_lock|setval|set\s+local)\b/i;
const WRITING_CALLS = new Set(['insert', 'update', 'delete']);

/** Top-level functions of a module (declarations and `const f = (...) =>`), by name. */
function topLevelFunctions(sourceFile: ts.SourceFile): Map<string, ts.Node> {
  const functions = new Map<string, ts.Node>();
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) functions.set(statement.name.text, statement);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer)
          functions.set(declaration.name.text, declaration.initializer);
      }
    }
  }
  return functions;
}

/**
 * Does this code change the database itself: `db.insert(table)`, `tx.update(table)`, `db.delete(table)`
 * (a schema table as the argument, so `cache.delete(key)` is not one), SQL that inserts, updates or
 * deletes, or a row lock (`.for('update')`, which only means something inside a change).
 */
function writesDirectly(node: ts.Node, tables: Set<string>): boolean {
  let writes = false;
  walk(node, (child) => {
    if (ts.isCallExpression(child) && ts.isPropertyAccessExpression(child.expression)) {
      const name = child.expression.name.text;
      const [first] = child.arguments;
      if (WRITING_CALLS.has(name) && first && ts.isIdentifier(first) && tables.has(first.text)) writes = true;
      if (name === 'for' && first && ts.isStringLiteral(first) && first.text === 'update') writes = true;
    }
    if (
      ts.isTaggedTemplateExpression(child) &&
      child.tag.getText() === 'sql' &&
      WRITING_SQL.test(child.template.getText())
    )
      writes = true;
  });
  return writes;
}

/** Names the code calls (plain `f(...)` and `ns.f(...)`), to follow a write through a helper. */
function calledNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  walk(node, (child) => {
    if (!ts.isCallExpression(child)) return;
    if (ts.isIdentifier(child.expression)) names.add(child.expression.text);
    if (ts.isPropertyAccessExpression(child.expression) && ts.isIdentifier(child.expression.expression))
      names.add(`${child.expression.expression.text}.${child.expression.name.text}`);
  });
  return names;
}

/**
 * The functions of each repository that change the database, directly or through another function
 * (of the same repository, or one it imports from another repository). Keyed by absolute path.
 */
export function writingFunctions(repositories: Map<string, string>): Map<string, Set<string>> {
  type Fn = { file: string; name: string; direct: boolean; calls: Set<string> };
  const fns: Fn[] = [];
  const localName = new Map<string, Map<string, { file: string; name: string }>>();
  for (const [file, source] of repositories) {
    const sourceFile = parse(file, source);
    const tables = new Set<string>();
    const aliases = new Map<string, { file: string; name: string }>();
    for (const statement of sourceFile.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      const resolved = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : null;
      const bindings = statement.importClause?.namedBindings;
      if (!resolved || !bindings) continue;
      if (ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (/\/db\/schema\//.test(resolved)) tables.add(element.name.text);
          else aliases.set(element.name.text, { file: resolved, name: (element.propertyName ?? element.name).text });
        }
      } else if (ts.isNamespaceImport(bindings)) {
        for (const member of namespaceMembers(sourceFile, bindings.name.text))
          aliases.set(`${bindings.name.text}.${member}`, { file: resolved, name: member });
      }
    }
    // `const t = signInFailures; db.insert(t)`: a local name for a table is a table.
    walk(sourceFile, (node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isIdentifier(node.initializer) &&
        tables.has(node.initializer.text)
      ) {
        tables.add(node.name.text);
      }
    });
    const local = new Map<string, { file: string; name: string }>(aliases);
    for (const [name, node] of topLevelFunctions(sourceFile)) {
      local.set(name, { file, name });
      fns.push({ file, name, direct: writesDirectly(node, tables), calls: calledNames(node) });
    }
    localName.set(file, local);
  }
  const key = (file: string, name: string) => `${file}#${name}`;
  const writing = new Set(fns.filter((f) => f.direct).map((f) => key(f.file, f.name)));
  for (let changed = true; changed;) {
    changed = false;
    for (const fn of fns) {
      if (writing.has(key(fn.file, fn.name))) continue;
      const local = localName.get(fn.file)!;
      const callsWrite = [...fn.calls].some((called) => {
        const target = local.get(called);
        return !!target && writing.has(key(target.file, target.name));
      });
      if (callsWrite) {
        writing.add(key(fn.file, fn.name));
        changed = true;
      }
    }
  }
  const byFile = new Map<string, Set<string>>();
  for (const entry of writing) {
    const [file, name] = entry.split('#') as [string, string];
    byFile.set(file, (byFile.get(file) ?? new Set()).add(name));
  }
  return byFile;
}
