import { expect } from 'vitest';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES } from './support/visitor.ts';
import { createPerson } from './support/people.ts';
import { signInAt } from './support/sign-in.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { ApiTokensPage } from './pages/api-token-pages.ts';

journeyTest.concurrent.for(LANGUAGES)(
  'a person (%s) makes an API token for their dashboard, another system reads the API with it, and they revoke it',
  async (lang, { journey }) => {
    const person = await createPerson(journey.server.db, { role: 'la_officer', email: `tokens-${lang}@example.test` });
    const visitor = await signInAt(journey, lang, person, '/account');
    const tokens = new ApiTokensPage(visitor);
    expect((await tokens.openFromAccount()).status()).toBe(200);
    await tokens.expectShown();
    expect(await tokens.tokenCount()).toBe(0);

    // Nothing chosen: the name, a scope and a lifetime are each asked for.
    let response = await tokens.make({ name: '' });
    expect(response.status()).toBe(400);
    await tokens.expectShown({ error: true });
    await tokens.expectErrors({
      name: 'pages.apiTokens.errors.nameMissing',
      scopes: 'pages.apiTokens.errors.scopesMissing',
      lifetimeDays: 'pages.apiTokens.errors.lifetimeMissing',
    });

    const name = lang === 'en' ? 'LA dashboard' : 'Dangosfwrdd yr ALl';
    response = await tokens.make({
      name,
      scope: visitor.t('pages.apiTokens.scope.directory-read.name'),
      lifetimeKey: 'pages.apiTokens.lifetime.days90',
    });
    expect(response.status()).toBe(200);
    const token = await tokens.shownToken();
    await expectNoAxeViolations(visitor.page);
    expect(await tokens.row(name)).toContain(
      `${visitor.t('pages.apiTokens.lastUsed')}: ${visitor.t('pages.apiTokens.neverUsed')}`,
    );

    // Another system reads the directory with it, and nothing else.
    const api = (path: string) =>
      fetch(`${journey.server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await api('/api/v1/local-authorities')).status).toBe(200);
    expect((await api('/account')).status).toBe(403);

    // Shown once: coming back, the page lists it, now used, without the token.
    await visitor.visit('/account/api-tokens');
    expect(await tokens.tokenCount()).toBe(0);
    expect(await visitor.page.content()).not.toContain(token);
    expect(await tokens.row(name)).not.toContain(visitor.t('pages.apiTokens.neverUsed'));

    response = await tokens.revoke(name);
    expect(response.status()).toBe(200);
    await tokens.expectSuccessBanner('pages.apiTokens.revoked');
    expect(await tokens.row(name)).toContain(visitor.t('pages.apiTokens.status.revoked'));
    await expectNoAxeViolations(visitor.page);
    const refused = await api('/api/v1/local-authorities');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'invalid-token' });
  },
);
