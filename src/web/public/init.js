// Scripts only enhance the pages (each works without them): GOV.UK Frontend's and the MOJ's components
// (the case list's sortable table, from @ministryofjustice/frontend), served by the app.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';
import { initAll as initMojAll } from '/assets/moj/moj-frontend.min.js';

initAll();
initMojAll();
