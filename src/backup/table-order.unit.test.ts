import { describe, expect, it } from 'vitest';
import { dependencyOrder } from './table-order.ts';

describe('the order tables are restored in', () => {
  it('puts every table after the tables it refers to, ties alphabetically', () => {
    const order = dependencyOrder(
      ['evidence', 'users', 'schools', 'evidence_attachments', 'local_authorities'],
      [
        { child: 'evidence_attachments', parent: 'evidence' },
        { child: 'evidence', parent: 'schools' },
        { child: 'evidence', parent: 'users' },
        { child: 'schools', parent: 'local_authorities' },
      ],
    );
    expect(order).toEqual(['local_authorities', 'users', 'schools', 'evidence', 'evidence_attachments']);
  });

  it('refuses a cycle and a table that refers to itself rather than guessing', () => {
    expect(() =>
      dependencyOrder(
        ['a', 'b', 'c'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow('cycle, so no insert order exists: a, b');
    expect(() => dependencyOrder(['a'], [{ child: 'a', parent: 'a' }])).toThrow('refers to itself');
  });
});
