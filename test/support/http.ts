import type { App } from '../../src/app.ts';

export type Cookies = Record<string, string>;

function cookieHeader(cookies: Cookies): string {
  return Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** A visitor with a cookie jar, as a browser would be. */
export class Visitor {
  readonly cookies: Cookies = {};
  private remoteAddress: string | undefined;
  /** userAgent: what the browser says it is, as a real one would on every request. */
  private readonly app: App;
  private readonly userAgent: string | undefined;
  constructor(app: App, userAgent?: string) {
    this.app = app;
    this.userAgent = userAgent;
  }

  private headers(): Record<string, string> {
    return { cookie: cookieHeader(this.cookies), ...(this.userAgent ? { 'user-agent': this.userAgent } : {}) };
  }

  /** Requests come from this client address (app.inject's default is 127.0.0.1). */
  from(address: string): this {
    this.remoteAddress = address;
    return this;
  }

  withCookie(header: string): this {
    const [name, value] = header.split('=');
    this.cookies[name!] = value!;
    return this;
  }

  private remember(setCookie: string | string[] | undefined) {
    for (const c of [setCookie ?? []].flat()) {
      const [pair] = c.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (value === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) delete this.cookies[name];
      else this.cookies[name] = value;
    }
  }

  async get(url: string) {
    const response = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.remoteAddress,
      headers: this.headers(),
    });
    this.remember(response.headers['set-cookie']);
    return response;
  }

  /** A CSRF token from a page's form, as a browser would submit it. */
  async csrfToken(fromUrl = this.cookies.cyd_session ? '/account/password' : '/sign-in'): Promise<string> {
    const page = await this.get(fromUrl);
    const match = /name="_csrf" value="([^"]+)"/.exec(page.body);
    if (!match) throw new Error(`No CSRF token on ${fromUrl} (status ${page.statusCode})`);
    return match[1]!;
  }

  async post(
    url: string,
    form: Record<string, string | string[]>,
    options: { csrf?: string | false; tokenFrom?: string } = {},
  ) {
    const token = options.csrf === undefined ? await this.csrfToken(options.tokenFrom) : options.csrf;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) params.append(k, item);
    if (token !== false) params.append('_csrf', token);
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: params.toString(),
    });
    this.remember(response.headers['set-cookie']);
    return response;
  }
}

/** The page's HTML with the entities Nunjucks escapes turned back into characters, for text assertions. */
export function pageText(html: string): string {
  return html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What a sighted reader sees of some HTML: no tags, no visually hidden text, one space between words. */
export function visibleText(html: string): string {
  return pageText(html.replace(/<span class="govuk-visually-hidden">[\s\S]*?<\/span>/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
