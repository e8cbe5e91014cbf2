import type { TFunction } from 'i18next';
import { API_SCOPES, API_TOKEN_LIFETIMES } from '../../policy/api-scopes.ts';

type TokenRow = {
  id: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

// Catalogue keys cannot hold the scope's colon (i18next reads it as a namespace).
const scopeKey = (scope: string) => `pages.apiTokens.scope.${scope.replace(':', '-')}`;

export function presentTokens(rows: TokenRow[], now: Date, t: TFunction) {
  return rows.map((row) => {
    const status = row.revokedAt ? 'revoked' : row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
    return {
      id: row.id,
      name: row.name,
      scopes: row.scopes.map((s) => t(`${scopeKey(s)}.name`)).join(', '),
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      lastUsedAt: row.lastUsedAt,
      status,
      statusText: t(`pages.apiTokens.status.${status}`),
    };
  });
}

/** The form's scope checkboxes and lifetime radios, ticked as the person left them. */
export function tokenFormItems(form: { scopes: readonly string[]; lifetimeDays: string }, t: TFunction) {
  return {
    scopeItems: API_SCOPES.map((scope) => ({
      value: scope,
      text: t(`${scopeKey(scope)}.name`),
      hint: { text: t(`${scopeKey(scope)}.hint`) },
      checked: form.scopes.includes(scope),
    })),
    lifetimeItems: API_TOKEN_LIFETIMES.map((days) => ({
      value: String(days),
      text: t(`pages.apiTokens.lifetime.days${days}`),
      checked: form.lifetimeDays === String(days),
    })),
  };
}
