// Starts GOV.UK Frontend's and MoJ Frontend's components (sortable tables and the like). A file, not an inline
// script, so the Content-Security-Policy can forbid inline scripts. Module scripts only run in browsers that
// GOV.UK Frontend supports, which is what the class below tells its components.
import { initAll as initGovuk } from '/lib/govuk/govuk-frontend.min.js';
import { initAll as initMoj } from '/lib/moj/moj-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initGovuk();
initMoj();

// "/" anywhere but a text field jumps to the student search in the header.
const search = document.querySelector('[data-search-shortcut]');
if (search) {
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const typing = t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      search.focus();
    }
  });
}

// On a phone the navigation folds behind a "Menu" button (CSS shows the button below 641px; without JavaScript the
// links simply stay open).
const toggle = document.querySelector('[data-nav-toggle]');
if (toggle) {
  const list = document.getElementById(toggle.getAttribute('aria-controls'));
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    list.classList.toggle('app-nav--open', open);
  });
}
