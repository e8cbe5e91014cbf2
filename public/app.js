// Progressive enhancement only: every page works without this file.
import { initAll } from '/static/govuk-frontend.min.js';

initAll();

// GOV.UK's enhanced file upload puts its status ("No file chosen") and its button text side by
// side with no space between them, so the visible text is not found in the accessible name
// (axe: label-content-name-mismatch). A space between them changes nothing on screen.
for (const status of document.querySelectorAll('.govuk-file-upload-button__status')) status.after(' ');

// Pages that report work in progress (an import) refresh themselves while it runs;
// without JavaScript they offer a link to do the same.
const refreshing = document.querySelector('[data-cyd-refresh]');
if (refreshing) {
  setTimeout(() => window.location.reload(), Number(refreshing.getAttribute('data-cyd-refresh')) || 2000);
}
