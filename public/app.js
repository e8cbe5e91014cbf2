// Progressive enhancement only: every page works without this file.
import { initAll } from '/static/govuk-frontend.min.js';

initAll();

// Pages that report work in progress (an import) refresh themselves while it runs;
// without JavaScript they offer a link to do the same.
const refreshing = document.querySelector('[data-cyd-refresh]');
if (refreshing) {
  setTimeout(() => window.location.reload(), Number(refreshing.getAttribute('data-cyd-refresh')) || 2000);
}
