import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { journeyTest, RESULTS_DIR } from './support/journey.ts';
import { LANGUAGES, type Visitor } from './support/visitor.ts';
import { createPerson } from './support/people.ts';
import { StartPage } from './pages/start-page.ts';
import { HomePage } from './pages/home-page.ts';
import { UsersPage } from './pages/users-page.ts';
import { AuditLogPage } from './pages/audit-log-page.ts';

/**
 * Full-page pictures of the main pages, wide and narrow, in both languages, for a person to
 * look at (test-results/screenshots/). Off by default: E2E_SCREENSHOTS=1 npx vitest run --project e2e
 */
const enabled = process.env.E2E_SCREENSHOTS === '1';
const dir = path.join(RESULTS_DIR, 'screenshots');
const WIDTHS = [1200, 390];

async function shoot(visitor: Visitor, width: number, name: string): Promise<void> {
  await visitor.page.screenshot({ path: path.join(dir, `${visitor.lang}-${width}-${name}.png`), fullPage: true });
}

const CASES = LANGUAGES.flatMap((lang) => WIDTHS.map((width) => ({ lang, width })));

journeyTest.skipIf(!enabled).concurrent.for(CASES)(
  'screenshots in $lang at $width px wide',
  async ({ lang, width }, { journey }) => {
    fs.mkdirSync(dir, { recursive: true });
    const admin = await createPerson(journey.server.db, {
      role: 'administrator',
      email: `look-${lang}-${width}@example.test`,
    });
    const visitor = await journey.arrive(lang, { width });
    const start = new StartPage(visitor);
    await shoot(visitor, width, '1-start');

    const signIn = await start.startNow();
    await signIn.signIn('', '');
    await shoot(visitor, width, '2-sign-in-errors');

    await signIn.signIn(admin.email, admin.password);
    const home = new HomePage(visitor);
    await home.expectShown(admin.displayName);
    await shoot(visitor, width, '3-home');

    await visitor.visit('/admin/users');
    const users = new UsersPage(visitor);
    await shoot(visitor, width, '4-users');

    const form = await users.createUser();
    await form.create({
      displayName: 'Rhian Davies-Pritchard',
      email: `rhian-${lang}-${width}@example.test`,
      language: 'cy',
      role: 'la_officer',
      scope: '681',
    });
    expect(await visitor.page.getByTestId('password-link').count()).toBe(1);
    await shoot(visitor, width, '5-user-created');

    await visitor.visit('/admin/audit');
    await new AuditLogPage(visitor).filterByAction('user-create');
    await shoot(visitor, width, '6-audit');
  },
);
