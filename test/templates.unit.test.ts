// Every template parses: a syntax error in a template reached only by a rare page (a school's
// directory history, say) would otherwise be a 500 found by whoever opens that page first.
import fs from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(import.meta.dirname, '../src');
const templates = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? templates(path.join(dir, e.name)) : e.name.endsWith('.njk') ? [path.join(dir, e.name)] : [],
    );

describe('templates', () => {
  it('all parse', () => {
    const env = new nunjucks.Environment();
    const found = templates(srcDir);
    expect(found.length).toBeGreaterThan(100);
    const broken = found.flatMap((file) => {
      try {
        // eagerCompile: parse and compile now, as rendering would.
        new nunjucks.Template(fs.readFileSync(file, 'utf8'), env, file, true);
        return [];
      } catch (error) {
        return [`${path.relative(srcDir, file)}: ${String(error).split('\n').slice(0, 2).join(' ')}`];
      }
    });
    expect(broken).toEqual([]);
  });
});
