// The schema may import from above src/db only the leaf modules its CHECK constraints are built
// from (docs/ARCHITECTURE.md section 1): lists of codes that import nothing, so no cycle and no
// feature code can reach the database layer through them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = path.join(root, 'src/db/schema');
const importsOf = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);

describe('imports of the database schema', () => {
  const outside = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) =>
      importsOf(path.join(schemaDir, f))
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.resolve(schemaDir, spec)),
    )
    .filter((file) => !file.startsWith(path.join(root, 'src/db') + path.sep));

  it('reach above src/db only for the lists the CHECK constraints are built from', () => {
    expect([...new Set(outside.map((f) => path.relative(root, f)))].sort()).toEqual([
      'src/policy/roles.ts',
      'src/reference/record-states.ts',
      'src/reference/reference-data.ts',
    ]);
  });

  it('reach only leaf modules, which import nothing', () => {
    for (const file of new Set(outside)) expect(importsOf(file), path.relative(root, file)).toEqual([]);
  });
});
