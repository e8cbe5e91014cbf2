import type { OidcConfig } from '../../config.ts';
import type { Language } from '../../plugins/i18n.ts';

type LinkRow = { id: string; issuer: string; linkedAt: Date; lastUsedAt: Date };

/** The provider's name as configured, or its address for a link made with a provider since replaced. */
export function providerName(issuer: string, settings: OidcConfig | null, lang: Language): string {
  if (settings && settings.issuer === issuer) return settings.name[lang];
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
}

export function presentLinks(rows: LinkRow[], settings: OidcConfig | null, lang: Language) {
  return rows.map((row) => ({
    id: row.id,
    provider: providerName(row.issuer, settings, lang),
    linkedAt: row.linkedAt,
    lastUsedAt: row.lastUsedAt,
  }));
}
