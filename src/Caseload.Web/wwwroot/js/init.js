// Starts GOV.UK Frontend's and MoJ Frontend's components (sortable tables and the like). A file, not an inline
// script, so the Content-Security-Policy can forbid inline scripts. Module scripts only run in browsers that
// GOV.UK Frontend supports, which is what the class below tells its components.
import { initAll as initGovuk } from '/lib/govuk/govuk-frontend.min.js';
import { initAll as initMoj } from '/lib/moj/moj-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initGovuk();
initMoj();
