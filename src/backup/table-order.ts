import type { ForeignKey } from './backup-repository.ts';

/**
 * Tables in an order where every table comes after the tables it refers to, so rows can be
 * inserted with every foreign key checked as they arrive (no deferred constraints, no superuser).
 * Ties go alphabetically, so the order is the same on every run and every server.
 */
export function dependencyOrder(tables: string[], keys: ForeignKey[]): string[] {
  const known = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of keys) {
    // A row referring to its own table would need its rows ordered too; none does today.
    if (child === parent) throw new Error(`Table ${child} refers to itself: the backup cannot order its rows yet.`);
    if (known.has(child) && known.has(parent)) parents.get(child)!.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p))).sort();
    if (ready.length === 0) {
      const stuck = tables.filter((t) => !placed.has(t));
      throw new Error(`These tables refer to each other in a cycle, so no insert order exists: ${stuck.join(', ')}`);
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}
