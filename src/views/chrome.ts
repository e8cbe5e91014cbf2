import type { Language } from '../plugins/i18n.ts';
import { canFlags, hasRole } from '../policy/policy.ts';
import type { CurrentUser } from '../policy/roles.ts';

type Render = (template: string, data: Record<string, unknown>) => Promise<string>;

export type NavItem = { key: string; href: string };

type Translate = (key: string) => string;
type TranslateWith = (key: string, options: { count: number }) => string;

export type HeaderRequest = {
  lang: Language;
  t: Translate;
  user: CurrentUser | null;
  active: string;
  url: string;
  csrfToken: string;
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

export function navigationFor(user: CurrentUser | null): NavItem[] {
  if (!user) return [];
  const can = canFlags(user);
  const items: NavItem[] = [
    { key: 'home', href: '/' },
    { key: 'schools', href: '/schools' },
    { key: 'localAuthorities', href: '/local-authorities' },
  ];
  if (can.readCollaboratives) items.push({ key: 'collaboratives', href: '/collaboratives' });
  if (can.readLocalAuthority) items.push({ key: 'localImprovement', href: '/local-improvement' });
  if (can.readNational) items.push({ key: 'national', href: '/national' });
  if (can.readPlans) items.push({ key: 'plans', href: '/plans' });
  // LA staff reach their partnerships from their LA's area; coordinators and WG from the menu.
  if (hasRole(user, 'partnership_coordinator', 'wg_official'))
    items.push({ key: 'partnerships', href: '/partnerships' });
  items.push({ key: 'goodPractice', href: '/good-practice' });
  if (can.manageUsers) items.push({ key: 'users', href: '/admin/users' });
  if (can.readAudit) items.push({ key: 'audit', href: '/admin/audit' });
  if (can.importDirectory) items.push({ key: 'directoryImport', href: '/admin/directory' });
  items.push({ key: 'account', href: '/account' });
  return items;
}

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
    async header({ lang, t, user, active, url, csrfToken, unread }) {
      const navigation = navigationFor(user);
      const key = `${lang}|${user ? 'in' : 'out'}|${active}|${navigation.map((n) => n.key).join(',')}`;
      let cached = headers.get(key);
      if (!cached) {
        cached = render('views/chrome/header.njk', {
          lang,
          t,
          navigation,
          active,
          signedIn: !!user,
          hrefEn: HREF_EN,
          hrefCy: HREF_CY,
          csrfToken: CSRF,
          notificationsSlot: NOTIFICATIONS,
        });
        headers.set(key, cached);
      }
      return (await cached)
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
