// Sends one hostile request as a persona, and says what was wrong with the answer.
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/app.ts';
import cy from '../../locales/cy.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import type { HostileRequest } from './hostile-values.ts';
import type { Visitor } from './http.ts';
import { multipartBody } from './multipart.ts';
import { pageText } from './http.ts';

type Catalogue = { errors: Record<string, { title?: string }>; common: { errorSummaryTitle: string } };

/** The titles a refusal may carry in each language: an error page's, or a form's error summary. */
function refusalTitles(catalogue: Catalogue): string[] {
  const pages = Object.entries(catalogue.errors)
    .filter(([reason]) => reason !== 'server-error')
    .map(([, v]) => v.title);
  return [...pages, catalogue.common.errorSummaryTitle].filter((title): title is string => typeof title === 'string');
}
const TITLES = { en: refusalTitles(en as Catalogue), cy: refusalTitles(cy as Catalogue) };
const CSRF_TITLES = [(en as Catalogue).errors.csrf!.title!, (cy as Catalogue).errors.csrf!.title!];

export async function sendHostile(
  app: App,
  visitor: Visitor,
  url: string,
  request: HostileRequest,
  lang: 'en' | 'cy',
): Promise<LightMyRequestResponse> {
  const cookie = Object.entries({ ...visitor.cookies, cyd_lang: lang })
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  if (request.kind === 'raw')
    return app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': request.contentType },
      payload: request.payload,
    });
  if (request.multipart) {
    const { payload, contentType } = multipartBody(request.fields);
    return app.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload });
  }
  const params = new URLSearchParams();
  for (const [k, values] of Object.entries(request.fields)) for (const v of values) params.append(k, v);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: params.toString(),
  });
}

export type Verdict = { problems: string[]; reachedChecks: boolean };

/**
 * Everything wrong with how the app answered a request it must refuse (no problems when it refused
 * it properly), and whether the refusal shows the persona got past the access check to the body:
 * a field refused with a 400, or a hostile token refused as an expired form.
 */
export function verdictOf(response: LightMyRequestResponse, request: HostileRequest, lang: 'en' | 'cy'): Verdict {
  const status = response.statusCode;
  const text = pageText(response.body);
  // The token is checked after the body is read: refusing a body that is not a form, or a forged
  // token, as an expired form is right; refusing anything else so means the suite's token failed.
  const csrf = status === 403 && CSRF_TITLES.some((title) => text.includes(title));
  const tokenTouched = request.kind === 'raw' || request.label.endsWith(' in _csrf');
  const reachedChecks = request.kind === 'field' && (status === 400 || (csrf && tokenTouched));
  return { problems: problemsOf(response, text, csrf, tokenTouched, lang), reachedChecks };
}

function problemsOf(
  response: LightMyRequestResponse,
  text: string,
  csrf: boolean,
  tokenTouched: boolean,
  lang: 'en' | 'cy',
): string[] {
  const status = response.statusCode;
  if (status >= 500) return [`server error ${status}`];
  if (status < 400)
    return [`accepted with ${status}${response.headers.location ? ` to ${String(response.headers.location)}` : ''}`];
  // A 403 from the route's own rules (say, a state change the value does not name) is a refusal;
  // whether the persona could act at all is checked per route, on the 400s its fields earn.
  if (status === 401 || status === 429 || (csrf && !tokenTouched))
    return [`refused with ${status} before the hostile part was read (${csrf ? 'CSRF' : 'sign-in or rate limit'})`];
  const problems: string[] = [];
  if (!String(response.headers['content-type']).startsWith('text/html')) return problems;
  if (!response.body.includes(`<html lang="${lang}"`)) problems.push(`page not in ${lang}`);
  if (!TITLES[lang].some((title) => text.includes(title))) problems.push(`no ${lang} refusal title (status ${status})`);
  return problems;
}
