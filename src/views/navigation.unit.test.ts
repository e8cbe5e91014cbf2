import { describe, expect, it } from 'vitest';
import type { CurrentUser, Role } from '../policy/roles.ts';
import { scopeOf } from '../policy/roles.ts';
import { navigationFor, type CanOpen } from './navigation.ts';

const person = (...held: [Role, string | null][]): CurrentUser => ({
  id: 'u',
  email: 'u@example.test',
  displayName: 'U',
  assignments: held.map(([role, scopeId]) => ({ role, scopeType: scopeOf(role), scopeId })),
});
const everything: CanOpen = () => true;
const keys = (user: CurrentUser, canOpen: CanOpen = everything) => navigationFor(user, canOpen).map((n) => n.key);

describe('the service navigation', () => {
  it("puts a headteacher's own school and collaboratives before the directory, linking to the school", () => {
    const head = person(['headteacher', '6812308']);
    const items = navigationFor(head, everything);
    expect(items.slice(0, 3).map((n) => [n.key, n.href])).toEqual([
      ['home', '/'],
      ['yourSchool', '/schools/6812308/home'],
      ['yourCollaboratives', '/collaboratives'],
    ]);
    expect(keys(head).indexOf('schools')).toBeGreaterThan(keys(head).indexOf('yourCollaboratives'));
  });

  it('sends someone with several schools, or a governor, to the list of their schools', () => {
    expect(navigationFor(person(['headteacher', '1'], ['practitioner', '2']), everything)[1]).toMatchObject({
      key: 'yourSchools',
      href: '/your-schools',
    });
    expect(navigationFor(person(['governor', 'GB1']), everything)[1]).toMatchObject({
      key: 'yourSchool',
      href: '/your-schools',
    });
  });

  it("takes LA staff to their LA's overview and WG officials to Wales", () => {
    const officer = navigationFor(person(['la_officer', '681']), everything);
    expect(officer.find((n) => n.key === 'localImprovement')?.href).toBe('/local-authorities/681/overview');
    expect(officer.find((n) => n.key === 'collaboratives')).toBeDefined();
    expect(keys(person(['la_officer', '681'], ['improvement_partner', '660']))).toContain('localImprovement');
    expect(
      navigationFor(person(['la_officer', '681'], ['improvement_partner', '660']), everything).find(
        (n) => n.key === 'localImprovement',
      )?.href,
    ).toBe('/local-improvement');
  });

  it('shows only the items whose address opens for the reader', () => {
    const onlyDirectory: CanOpen = (address) => ['/', '/schools', '/local-authorities'].includes(address);
    expect(keys(person(['wg_official', null]), onlyDirectory)).toEqual(['home', 'schools', 'localAuthorities']);
  });

  it("asks of the reader's own school by that school's can, decided by the school policy", () => {
    const asked: unknown[] = [];
    navigationFor(person(['practitioner', '6812308']), (address, given) => {
      if (address.startsWith('/schools/6812308')) asked.push(given);
      return true;
    });
    expect(asked).toEqual([{ school: expect.objectContaining({ viewArea: true, staff: true }) }]);
  });
});
