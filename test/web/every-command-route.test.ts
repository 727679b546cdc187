/**
 * Issue 14's acceptance: every command route of the API has a form on the pages. The forms
 * are the case's next steps and the new-case form (derived from the routes, command-forms.ts),
 * the case's other forms (a reader's own conflict on the case, a document's supersession on
 * its row: CommandForms.caseForms, as the case page offers them),
 * the person's register entries (people.controller.ts), the early-intervention alerts'
 * (alert-pages.controller.ts), the recommendations' (recommendation-pages.controller.ts), the
 * erasure requests' (erasure-pages.controller.ts), the workforce's
 * (workforce-pages.controller.ts), and the two document uploads (the case page's and the
 * person's record's, document-pages.controller.ts). The routes with no form yet are named here with the reason,
 * so a new command route without one fails this test.
 */
import { CommandForms } from '../../src/web/command-forms';
import { ERASURE_ROUTES } from '../../src/web/erasure-pages.controller';
import { WORKFORCE_STEPS } from '../../src/web/workforce-pages.controller';
import { startTestApp } from '../support/app';
import type { TestApp } from '../support/app';

/** The upload forms are drawn by their pages, not derived from the routes. */
const UPLOAD_FORMS = ['AttachDocument', 'AttachRegisterDocument'];

/** Command routes with no form on the pages yet, and why (docs/web.md, "Not yet built"). */
const WITHOUT_A_FORM: Record<string, string> = {};

describe('a form for every command route', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp();
  });

  afterAll(() => service?.close());

  it('offers a page form for each command route of the API but those named without one', async () => {
    const document = (await service.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { operationId?: string }>> };
    const commands = Object.values(document.paths).flatMap((item) =>
      ['post', 'put', 'patch', 'delete'].flatMap((method) => (item[method]?.operationId === undefined ? [] : [item[method].operationId as string])),
    );
    const forms = service.app.get(CommandForms);
    const offered = new Set(
      [
        ...forms.steps(),
        ...forms.caseForms(),
        ...forms.registerSteps(),
        ...forms.alertSteps(),
        ...forms.stepsUnder('recommendations'),
        ...forms.stepsUnder(ERASURE_ROUTES),
        ...forms.stepsUnder(WORKFORCE_STEPS.resource),
        forms.opening(),
      ].flatMap((form) => (form === undefined ? [] : [form.operationId])),
    );
    for (const upload of UPLOAD_FORMS) offered.add(upload);
    expect(commands.filter((operationId) => !offered.has(operationId)).sort()).toEqual(Object.keys(WITHOUT_A_FORM).sort());
  });
});
