// Scripts only enhance the pages (each works without them): GOV.UK Frontend's components.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

initAll();
