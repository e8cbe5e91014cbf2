import type { Db } from '../db/client.ts';
import { appendAudit } from '../audit/audit-repository.ts';
import { hashPassword } from '../lib/passwords.ts';
import { scopeOf, type Role } from '../policy/roles.ts';
import { countUsers, insertDemoUser } from './demo-repository.ts';

/** Every demo account shares it; listed in README.md. Demo data never loads outside embedded mode. */
export const DEMO_PASSWORD = 'demo-gwella-2026';

export type DemoAccount = { email: string; displayName: string; preferredLanguage: 'en' | 'cy'; role: Role; scopeId: string | null };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.cydwella.cymru', displayName: 'Alun Gweinyddwr', preferredLanguage: 'cy', role: 'administrator', scopeId: null },
  { email: 'la.officer@demo.cydwella.cymru', displayName: 'Rhian Davies', preferredLanguage: 'en', role: 'la_officer', scopeId: '681' },
  { email: 'improvement.partner@demo.cydwella.cymru', displayName: 'Gareth Morgan', preferredLanguage: 'cy', role: 'improvement_partner', scopeId: '681' },
  { email: 'wg.official@demo.cydwella.cymru', displayName: 'Siân Roberts', preferredLanguage: 'en', role: 'wg_official', scopeId: null },
];

/** Loads the demo on an empty database only; a database with any user is left alone. */
export async function loadDemoData(db: Db): Promise<{ created: boolean }> {
  if ((await countUsers(db)) > 0) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const { role, scopeId, ...user } = account;
      const assignments = [{ role, scopeType: scopeOf(role), scopeId }];
      const id = await insertDemoUser(tx, { ...user, passwordHash }, assignments);
      await appendAudit(tx, { actorId: null, action: 'demo-user-create', entityType: 'user', entityId: id, after: { email: user.email, assignments } });
    }
  });
  return { created: true };
}
