// Follows the @fastify/view docs for Nunjucks (multiple template paths, onConfigure).
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import view from '@fastify/view';
import nunjucks from 'nunjucks';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canFlags } from '../policy/policy.ts';
import { createChrome, type Chrome } from '../views/chrome.ts';
import { createTranslator, LANGUAGES } from './i18n.ts';
import { formatDate, formatDateTime } from '../lib/dates.ts';
import type { AssetUrls } from './hashed-assets.ts';
import { characterCountText } from '../views/character-count.ts';

const srcDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const govukDir = path.dirname(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')));

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page with the shared context every template needs. */
    page(template: string, model?: Record<string, unknown>): Promise<FastifyReply>;
  }
}

export type ViewsOptions = {
  production: boolean;
  /** The stylesheet's and scripts' content-hashed URLs, for the layout. */
  assets: AssetUrls;
  /** The reader's unread notifications for the header: one indexed count a page (issue 12). */
  unreadCount?: ((userId: string) => Promise<number>) | null;
};

export const viewsPlugin = fp(async (app, opts: ViewsOptions) => {
  await app.register(view, {
    engine: { nunjucks },
    templates: [srcDir, path.join(govukDir, 'govuk-frontend/dist')],
    production: opts.production,
    options: {
      autoescape: true,
      throwOnUndefined: false,
      onConfigure: (env: nunjucks.Environment) => {
        env.addFilter('date', (value: unknown, lang: 'en' | 'cy') => formatDate(value, lang));
        env.addFilter('dateTime', (value: unknown, lang: 'en' | 'cy') => formatDateTime(value, lang));
        env.addFilter('json', (value: unknown) => JSON.stringify(value, null, 2));
        env.addGlobal('assets', opts.assets);
      },
    },
  });
  const chrome: Chrome = createChrome((template, data) => app.view(template, data));
  // Render the unchanging chrome for both languages before the first request arrives.
  app.addHook('onReady', async () => {
    const translatorFor = await createTranslator();
    for (const lang of LANGUAGES) {
      const t = translatorFor(lang);
      await Promise.all([
        chrome.footer(lang, t),
        chrome.header({ lang, t, user: null, active: '', url: '/', csrfToken: '' }),
      ]);
    }
  });

  // A page must still render when the count cannot be read (an error page while the database is
  // down): the header then leaves the link out.
  async function unreadFor(request: FastifyRequest): Promise<number | null> {
    if (!request.user || !opts.unreadCount) return null;
    try {
      return await opts.unreadCount(request.user.id);
    } catch (error) {
      request.log.warn({ err: error }, 'unread notifications count failed');
      return null;
    }
  }

  app.decorateReply(
    'page',
    async function page(this: FastifyReply, template: string, model: Record<string, unknown> = {}) {
      const request: FastifyRequest = this.request;
      const csrfToken = this.generateCsrf();
      // Absent only when a request failed before helmet ran; the page then has no inline script to allow.
      const nonce = this.cspNonce?.script ?? '';
      const active = typeof model.activeNav === 'string' ? model.activeNav : '';
      const unread = await unreadFor(request);
      const [header, footer] = await Promise.all([
        chrome.header({
          lang: request.lang,
          t: request.t,
          user: request.user,
          active,
          url: request.url,
          csrfToken,
          unread,
          canOpen: (address, given) => request.canOpen(address, given),
        }),
        chrome.footer(request.lang, request.t),
      ]);
      const html = await app.view(template, {
        ...model,
        lang: request.lang,
        t: request.t,
        user: request.user,
        can: canFlags(request.user),
        // Whether a link will open for this reader, asked of its own route (src/access/can-open.ts).
        canOpen: (address: string, given?: Parameters<FastifyRequest['canOpen']>[1]) => request.canOpen(address, given),
        csrfToken,
        characterCount: () => characterCountText(request),
        // An item's page after its other-language version was saved (src/features/other-language): the
        // banner is the layout's, so no item page has to know of it.
        translatedNotice: translatedNotice(request.url),
        cspNonce: nonce,
        chromeHeader: header,
        chromeFooter: footer,
      });
      return this.type('text/html; charset=utf-8').send(html);
    },
  );
});

/** 'cy' or 'en' when the address says an item's version in that language was just saved, else null. */
function translatedNotice(url: string): 'cy' | 'en' | null {
  const query = url.includes('?') ? new URLSearchParams(url.slice(url.indexOf('?') + 1)) : null;
  const value = query?.get('translated');
  return value === 'cy' || value === 'en' ? value : null;
}
