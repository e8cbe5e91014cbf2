import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { createTranslator, type Language } from '../../src/plugins/i18n.ts';
import { expectNoAxeViolations } from './axe.ts';

export type { Language };
export const LANGUAGES: Language[] = ['en', 'cy'];

const translatorFor = await createTranslator();

export type VisitorOptions = { javaScriptEnabled?: boolean; width?: number };

/**
 * One person in one browser (a context of its own, so cookies are theirs). Every page they
 * reach is checked with axe before the journey goes on, so no page is left unchecked.
 */
export class Visitor {
  lang: Language;

  /** A page in a second browser that does run scripts, for axe when this one does not. */
  private inspector: Page | null = null;

  private readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly baseUrl: string;
  private readonly options: Required<VisitorOptions>;

  private constructor(
    browser: Browser,
    context: BrowserContext,
    page: Page,
    baseUrl: string,
    lang: Language,
    options: Required<VisitorOptions>,
  ) {
    this.browser = browser;
    this.context = context;
    this.page = page;
    this.baseUrl = baseUrl;
    this.lang = lang;
    this.options = options;
  }

  /** A fresh browser (no cookies) that will ask for `lang` when it arrives. */
  static async open(browser: Browser, baseUrl: string, lang: Language, options: VisitorOptions = {}): Promise<Visitor> {
    const settings = { javaScriptEnabled: options.javaScriptEnabled ?? true, width: options.width ?? 1200 };
    const context = await browser.newContext({
      javaScriptEnabled: settings.javaScriptEnabled,
      viewport: { width: settings.width, height: 900 },
    });
    const page = await context.newPage();
    return new Visitor(browser, context, page, baseUrl, lang, settings);
  }

  /** Arrives at the start page choosing the language the way a person would: `/?lang=`. */
  async arrive(): Promise<void> {
    const response = await this.visit(`/?lang=${this.lang}`);
    expect(response.status()).toBe(200);
  }

  /** Text from the catalogue in the visitor's current language. */
  t(key: string, options?: Record<string, unknown>): string {
    return (translatorFor(this.lang) as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
  }

  /** Types a web address (a path on the app, or a full URL) and lands on the page. */
  async visit(pathOrUrl: string): Promise<Response> {
    const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
    const response = await this.page.goto(url);
    if (!response) throw new Error(`No response for ${url}`);
    await this.landed();
    return response;
  }

  /** Does something that leads to another page (a click, a form sent) and lands on it. */
  async navigate(action: () => Promise<unknown>): Promise<Response> {
    const mainFrame = this.page.mainFrame();
    const finalResponse = this.page.waitForResponse(
      (r) => r.request().isNavigationRequest() && r.frame() === mainFrame && (r.status() < 300 || r.status() >= 400),
    );
    const committed = this.page.waitForEvent('framenavigated', { predicate: (frame) => frame === mainFrame });
    await action();
    const [response] = await Promise.all([finalResponse, committed]);
    await this.page.waitForLoadState('load');
    await this.landed();
    return response;
  }

  private async landed(): Promise<void> {
    // Every page must come in the language the visitor chose last (the cookie remembers it).
    expect(await this.htmlLang(), `<html lang> of ${this.page.url()}`).toBe(this.lang);
    await expectNoAxeViolations(await this.pageForAxe());
  }

  /**
   * axe runs inside the page, so it cannot run where scripts are off. There, it checks a copy:
   * the same HTML without its scripts (so it renders exactly as here), written into a page of
   * the same site in a browser that runs scripts, so the same styles load. (Serving the copy
   * through page.route sometimes left the stylesheet request paused for good; from
   * about:blank, Chromium refuses to load the stylesheet from a loopback address.)
   */
  private async pageForAxe(): Promise<Page> {
    if (this.options.javaScriptEnabled) return this.page;
    const html = (await this.page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    if (!this.inspector) {
      const context = await this.browser.newContext({ viewport: { width: this.options.width, height: 900 } });
      this.inspector = await context.newPage();
      await this.inspector.goto(`${this.baseUrl}/healthz`);
    }
    await this.inspector.setContent(html, { timeout: 10_000 });
    expect(
      await this.inspector.evaluate('document.styleSheets.length'),
      'stylesheets in the copy axe checks',
    ).toBeGreaterThan(0);
    return this.inspector;
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  title(): Promise<string> {
    return this.page.title();
  }

  path(): string {
    return new URL(this.page.url()).pathname;
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.inspector?.context().close();
  }
}
