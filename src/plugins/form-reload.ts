// A refused form re-renders its page at the form's own address (POST /…/state answers 400 with the
// page and its errors). Reloading that page, or opening it again from history, sends a GET to an
// address that has only a POST route, which would be a 404. Instead such a GET goes to the nearest
// page above it: the page the form was on (/…/priorities/:id for /…/priorities/:id/state).
import { routeMatcher } from '../access/route-match.ts';

type Route = { method: string; url: string };

const parentOf = (path: string) => path.slice(0, Math.max(path.lastIndexOf('/'), 0)) || '/';

/**
 * Where a GET to `path` should go when only a form posts there, or null when no form does (a plain
 * 404). The target is built from the request's own path segments, so it stays on this origin.
 * `pageRefused`: a GET route matched the path but refused its parameters (/notifications/read-all
 * read as /notifications/:id), so it is the form's address after all.
 */
export function formReloadTarget(routes: readonly Route[]): (path: string, pageRefused?: boolean) => string | null {
  let pages: ((path: string) => { route: Route } | null) | null = null;
  let forms: ((path: string) => { route: Route } | null) | null = null;
  return (path, pageRefused = false) => {
    // Compiled on first use: every route is registered by then.
    pages ??= routeMatcher(routes.filter((r) => r.method === 'GET'));
    forms ??= routeMatcher(routes.filter((r) => r.method === 'POST'));
    const clean = path.split(/[?#]/)[0]!;
    if (!clean.startsWith('/') || clean.startsWith('//') || clean.includes('\\')) return null;
    const page = pages(clean);
    const form = forms(clean);
    // A page that refused its own address (an unsubscribe link with a bad token) stays a 404.
    if (!form || (page && (!pageRefused || page.route.url === form.route.url))) return null;
    for (let above = parentOf(clean); ; above = parentOf(above)) {
      if (pages(above)) return above;
      if (above === '/') return null;
    }
  };
}
