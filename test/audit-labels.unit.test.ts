import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const catalogues = {
  en: JSON.parse(fs.readFileSync(path.join(root, 'locales/en.json'), 'utf8')),
  cy: JSON.parse(fs.readFileSync(path.join(root, 'locales/cy.json'), 'utf8')),
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return d.name.endsWith('.ts') && !d.name.includes('.test.') ? [fs.readFileSync(full, 'utf8')] : [];
  });
}

/** Every audit action and record type the code writes, from its appendAudit calls. */
function written(): { actions: Set<string>; entities: Set<string> } {
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const text of sources(path.join(root, 'src'))) {
    for (const call of text.matchAll(/appendAudit\(\w+, \{[^}]*?action: ([^,]+),[^}]*?entityType: ([^,]+),/gs)) {
      // Action codes always have a hyphen ('share-add'); a bare 'add' is a value compared, not written.
      for (const m of call[1]!.matchAll(/'([a-z]+-[a-z-]+)'/g)) actions.add(m[1]!);
      for (const m of call[2]!.matchAll(/'([a-z_]+)'/g)) entities.add(m[1]!);
    }
  }
  return { actions, entities };
}

describe('the audit log speaks the reader’s language', () => {
  const { actions, entities } = written();
  it('finds the actions the code writes', () => {
    expect(actions.size).toBeGreaterThan(30);
    expect(actions).toContain('share-add');
  });
  it.each(['en', 'cy'] as const)('names every action and record type in %s', (lang) => {
    const missing = [...actions]
      .filter((a) => !catalogues[lang].auditTrail.actions[a])
      .concat([...entities].filter((e) => !catalogues[lang].auditTrail.entities[e]));
    expect(missing).toEqual([]);
  });
});
