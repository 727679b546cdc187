import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  GENERATED_DOCS,
  GeneratedDoc,
  OpenApiDocument,
  renderEventCatalogue,
  renderHttpContract,
  renderRuleBook,
} from '../../scripts/docs/render';
import { startTestApp, TestApp } from '../support/app';

/**
 * docs/generated/ is rendered from the code's own declarations and from the OpenAPI document
 * the running service serves. This test fails when a file there is stale; `npm run docs`
 * (LEDGER_WRITE_DOCS=1) writes them anew instead.
 */
const folder = path.join(__dirname, '..', '..', 'docs', 'generated');
const writing = process.env.LEDGER_WRITE_DOCS === '1';

describe('generated documents', () => {
  let service: TestApp;
  const rendered = new Map<GeneratedDoc, string>();

  beforeAll(async () => {
    service = await startTestApp();
    const openApi = (await service.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    rendered.set('event-catalogue.md', renderEventCatalogue());
    rendered.set('rule-book.md', renderRuleBook());
    rendered.set('http-contract.md', renderHttpContract(openApi));
    rendered.set('openapi.json', `${JSON.stringify(openApi, null, 2)}\n`);
  });

  afterAll(() => service.close());

  it.each(GENERATED_DOCS)('docs/generated/%s is up to date with the code (npm run docs writes it)', (name) => {
    const file = path.join(folder, name);
    const expected = rendered.get(name) ?? '';
    if (writing) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('lists every rule and every route, so a rule or a route cannot be missing from the documents', () => {
    expect(rendered.get('rule-book.md')).toContain('`barredListNeedsDismissal`');
    expect(rendered.get('http-contract.md')).toContain('| POST | `/api/v1/cases` | `ReceiveReferral` |');
    expect(rendered.get('event-catalogue.md')).toContain('| `SubjectArrested` | 1 | `arrestedOn` |');
  });
});
