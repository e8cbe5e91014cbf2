import type { Language } from '../plugins/i18n.ts';
import { navigationFor, type CanOpen } from './navigation.ts';
import type { CurrentUser } from '../policy/roles.ts';

type Render = (template: string, data: Record<string, unknown>) => Promise<string>;

export { navigationFor, type NavItem } from './navigation.ts';

type Translate = (key: string) => string;
type TranslateWith = (key: string, options: { count: number }) => string;

export type HeaderRequest = {
  lang: Language;
  t: Translate;
  user: CurrentUser | null;
  active: string;
  url: string;
  csrfToken: string;
  /** Whether an address opens for the reader (request.canOpen): the menu shows only what does. */
  canOpen?: CanOpen;
  /** The reader's unread notifications (signed in), or null: no link is shown. */
  unread?: number | null;
};

export type Chrome = {
  header(request: HeaderRequest): Promise<string>;
  footer(lang: Language, t: Translate): Promise<string>;
};

// Placeholders filled per request, so the GOV.UK macros run once per language and menu.
const HREF_EN = '__CYD_HREF_EN__';
const HREF_CY = '__CYD_HREF_CY__';
const CSRF = '__CYD_CSRF__';
// Where the notifications link and its unread count go: the only part of a signed-in header that
// changes with the reader's own data, so one indexed count per request keeps the cache.
const NOTIFICATIONS = '__CYD_NOTIFICATIONS__';
// A menu item naming the reader's own school or LA: its address is a slot, so one cached header
// serves every school's staff, and the cache holds one entry per language, page and set of items.
const personalSlot = (key: string) => `__CYD_NAV_${key}__`;
/** Headers kept at most: the keys are few, but a bound keeps an unforeseen one from growing memory. */
const MAX_HEADERS = 500;

/** The same path and query with `lang` set, for the language toggle. */
export function languageHref(url: string, lang: Language): string {
  const parsed = new URL(url, 'http://x');
  parsed.searchParams.set('lang', lang);
  return `${parsed.pathname}${parsed.search}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The header's link to the notifications page. The count is a badge for the eye and a phrase for
 * screen readers ("3 unread notifications"), not a colour alone; none is shown at zero.
 */
export function notificationsLink(t: Translate & TranslateWith, unread: number, current: boolean): string {
  const label = escapeAttribute(t('notifications.header.link'));
  const count =
    unread > 0
      ? `<span class="cyd-unread-badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>` +
        `<span class="govuk-visually-hidden"> (${escapeAttribute(t('notifications.header.unread', { count: unread }))})</span>`
      : '';
  return (
    `<p class="cyd-header-notifications"><a class="govuk-link govuk-link--no-visited-state" href="/notifications"` +
    `${current ? ' aria-current="page"' : ''} data-testid="header-notifications">${label}${count}</a></p>`
  );
}

/**
 * Renders the header (with service navigation and language toggle) and the footer once per
 * language and menu, then only substitutes the per-request parts. GOV.UK macros cost about
 * 1.8 ms a page: this keeps them off the hot path (docs/ARCHITECTURE.md section 6).
 */
export function createChrome(render: Render): Chrome {
  const headers = new Map<string, Promise<string>>();
  const footers = new Map<Language, Promise<string>>();
  return {
    async header({ lang, t, user, active, url, csrfToken, unread, canOpen = () => false }) {
      const navigation = navigationFor(user, canOpen);
      const key = `${lang}|${user ? 'in' : 'out'}|${active}|${navigation.map((n) => n.key).join(',')}`;
      let cached = headers.get(key);
      if (!cached) {
        cached = render('views/chrome/header.njk', {
          lang,
          t,
          navigation: navigation.map((item) => ({
            key: item.key,
            section: item.section ?? item.key,
            href: item.personal ? personalSlot(item.key) : item.href,
          })),
          active,
          signedIn: !!user,
          hrefEn: HREF_EN,
          hrefCy: HREF_CY,
          csrfToken: CSRF,
          notificationsSlot: NOTIFICATIONS,
        });
        if (headers.size >= MAX_HEADERS) headers.delete(headers.keys().next().value!);
        headers.set(key, cached);
      }
      let html = await cached;
      for (const item of navigation)
        if (item.personal) html = html.replace(personalSlot(item.key), escapeAttribute(item.href));
      return html
        .replace(HREF_EN, escapeAttribute(languageHref(url, 'en')))
        .replace(HREF_CY, escapeAttribute(languageHref(url, 'cy')))
        .replace(CSRF, escapeAttribute(csrfToken))
        .replace(
          NOTIFICATIONS,
          user && typeof unread === 'number'
            ? notificationsLink(t as Translate & TranslateWith, unread, active === 'notifications')
            : '',
        );
    },
    footer(lang, t) {
      let cached = footers.get(lang);
      if (!cached) {
        cached = render('views/chrome/footer.njk', { lang, t });
        footers.set(lang, cached);
      }
      return cached;
    },
  };
}
