// Follows the i18next docs (createInstance + getFixedT): one instance, a `t` bound per request.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import i18next, { type TFunction } from 'i18next';
import { fastTranslator } from './fast-translator.ts';

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_COOKIE = 'cyd_lang';

const localesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

export function loadCatalogue(lang: Language): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(localesDir, `${lang}.json`), 'utf8')) as Record<string, unknown>;
}

let strictValues = false;

/** Tests call this first (test/support/strict-translations.ts): a value missing from a string throws. */
export function failOnMissingValues(): void {
  strictValues = true;
}

export async function createTranslator() {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: loadCatalogue('en') }, cy: { translation: loadCatalogue('cy') } },
    lng: 'en',
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    interpolation: {
      escapeValue: false,
      // A string naming a value it was not given would show "{{n}}" to a reader: in tests that is a
      // failure (failOnMissingValues), so every page a test renders proves strings and calls agree.
      ...(strictValues
        ? {
            missingInterpolationHandler: (text: string, value: RegExpExecArray) => {
              throw new Error(`"${text}" needs {{${value[1]}}}, which was not given`);
            },
          }
        : {}),
    },
    returnNull: false,
  });
  const fixed = {
    en: fastTranslator(instance.getFixedT('en'), (key) => instance.getResource('en', 'translation', key)),
    cy: fastTranslator(instance.getFixedT('cy'), (key) => instance.getResource('cy', 'translation', key)),
  };
  return (lang: Language): TFunction => fixed[lang];
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'cy';
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: Language;
    t: TFunction;
  }
}

/** `?lang=cy` switches and is remembered in a cookie; otherwise the cookie; otherwise English. */
export const i18nPlugin = fp(async (app, opts: { secureCookies: boolean }) => {
  const translatorFor = await createTranslator();
  const bound = { en: translatorFor('en'), cy: translatorFor('cy') };
  app.decorateRequest('lang', 'en');
  app.decorateRequest('t', null as unknown as TFunction);
  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const asked = query?.lang;
    let lang: Language = isLanguage(request.cookies[LANGUAGE_COOKIE])
      ? (request.cookies[LANGUAGE_COOKIE] as Language)
      : 'en';
    if (isLanguage(asked)) {
      lang = asked;
      reply.setCookie(LANGUAGE_COOKIE, lang, {
        path: '/',
        maxAge: 365 * 24 * 3600,
        sameSite: 'lax',
        httpOnly: true,
        secure: opts.secureCookies,
      });
    }
    request.lang = lang;
    request.t = bound[lang];
  });
});
