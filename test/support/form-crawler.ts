// Finds, for every state-changing route, a real form a real person can submit: walks the pages
// each persona can reach (following links as they would) and keeps every POST form it sees,
// with the record ids in its action and the values the page filled in.
import type { App } from '../../src/app.ts';
import type { RegisteredRoute } from '../../src/plugins/policy.ts';
import { localLinks, postForms, type PageForm } from './html-forms.ts';
import type { Visitor } from './http.ts';

/** Which registered route serves a concrete address; a static segment beats a parameter, as in find-my-way. */
export function routeMatcher(routes: RegisteredRoute[]) {
  const compiled = routes.map((route) => ({
    route,
    params: (route.url.match(/:\w+|\*/g) ?? []).length,
    pattern: new RegExp(
      `^${route.url
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/:\w+/g, '[^/]+')
        .replace(/\*/g, '.*')}$`,
    ),
  }));
  compiled.sort((a, b) => a.params - b.params);
  return (method: string, url: string): RegisteredRoute | null => {
    const path = url.split('?')[0]!;
    return compiled.find((c) => c.route.method === method && c.pattern.test(path))?.route ?? null;
  };
}

export type FoundForm = PageForm & { route: RegisteredRoute; persona: string };

/**
 * `prefer`: links to visit before the others (the demo's richest records), since each pattern is visited only `perPattern` times.
 * `errands`: pages opened before the walk, each for the form one record in one state shows; outside the budgets, and
 * their links not followed, so the walk itself goes as it would without them.
 */
export type CrawlOptions = {
  maxPages: number;
  perPattern: number;
  start: string[];
  prefer?: RegExp;
  errands?: Errand[];
};

/** A page to open and the POST route whose form it must show; `tick`: checkbox groups where the person ticks the first box, as the form requires one. */
export type Errand = { page: string; route: string; tick?: string[] };

/** The form with the first box of each named group ticked. */
function ticked(form: FoundForm, groups: string[]): FoundForm {
  const first = new Set(groups.map((name) => form.controls.find((c) => c.kind === 'checkbox' && c.name === name)));
  return {
    ...form,
    controls: form.controls.map((c) => (first.has(c) ? { ...c, options: [...c.options, 'checked'] } : c)),
  };
}

/** Addresses that answer with a file or leave the session, not a page to read. */
export const NOT_A_PAGE = /\/(sign-out|download|export|feed|calendar\.ics)\b|\.(pdf|docx|ics|csv|ods|xlsx|json)$/;

/** A breadth-first walk of the pages `visitor` can open, keeping every POST form found. */
export async function crawlForms(
  app: App,
  visitor: Visitor,
  persona: string,
  options: CrawlOptions,
): Promise<{ forms: FoundForm[]; pages: number }> {
  const match = routeMatcher(app.routeRegistry);
  const queue = [...options.start];
  const seen = new Set(queue);
  const perPattern = new Map<string, number>();
  const forms: FoundForm[] = [];
  const keep = (html: string, url: string) => {
    for (const form of postForms(html, url)) {
      const target = match('POST', form.action);
      if (target) forms.push({ ...form, route: target, persona });
    }
  };
  for (const errand of options.errands ?? []) {
    const response = await visitor.get(errand.page);
    const before = forms.length;
    if (response.statusCode === 200) keep(response.body, errand.page);
    const index = forms.findIndex((f, i) => i >= before && f.route.url === errand.route);
    // A page prepared for a form that does not show it means the world was not made as meant: say so, rather than drop the route.
    if (index < 0)
      throw new Error(
        `${persona} found no form for POST ${errand.route} on ${errand.page} (status ${response.statusCode})`,
      );
    if (errand.tick) forms[index] = ticked(forms[index]!, errand.tick);
  }
  let pages = 0;
  while (queue.length > 0 && pages < options.maxPages) {
    const url = queue.shift()!;
    const route = match('GET', url);
    if (!route) continue;
    const count = perPattern.get(route.url) ?? 0;
    if (count >= options.perPattern) continue;
    perPattern.set(route.url, count + 1);
    const response = await visitor.get(url);
    pages++;
    if (response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/html')) continue;
    keep(response.body, url);
    for (const link of localLinks(response.body, url)) {
      if (seen.has(link) || NOT_A_PAGE.test(link.split('?')[0]!)) continue;
      seen.add(link);
      if (options.prefer?.test(link)) queue.unshift(link);
      else queue.push(link);
    }
  }
  return { forms, pages: pages + (options.errands?.length ?? 0) };
}
