import fc from 'fast-check';
import { TestApp } from '../support/app';
import { bearer, PROBLEM_JSON, startDemoApp } from './support';

/** Whatever a client sends, the answer is a 2xx or a 4xx problem: never a 500. */
describe('HTTP plumbing under malformed input', () => {
  let app: TestApp;
  let authorization: string;

  beforeAll(async () => {
    app = await startDemoApp();
    authorization = bearer(app.config);
  });

  afterAll(async () => {
    await app.close();
  });

  const printable = fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((text) => text.replace(/[^\x20-\x7e]/g, ''));
  const garbageText = fc.string({ unit: 'binary', maxLength: 200 });
  const mutatedJson = fc
    .tuple(fc.json({ maxDepth: 4 }), fc.nat(), garbageText)
    .map(([json, at, insert]) => json.slice(0, at % (json.length + 1)) + insert + json.slice(at % (json.length + 1)));
  // Valid in shape, with arbitrary text: what gets past validation to the event store.
  const nearlyValid = fc
    .record(
      {
        label: garbageText.filter((text) => text.length > 0),
        detail: fc.record({ code: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), count: fc.oneof(fc.nat(), fc.double()) }),
        tags: fc.array(garbageText, { maxLength: 4 }),
      },
      { requiredKeys: ['label'] },
    )
    .map((value) => JSON.stringify(value));
  const body = fc.oneof(
    { arbitrary: nearlyValid, weight: 3 },
    garbageText,
    fc.json({ maxDepth: 4 }),
    mutatedJson,
    fc.jsonValue({ maxDepth: 4 }).map((label) => JSON.stringify({ label })),
    fc
      .record(
        { label: garbageText, detail: fc.jsonValue({ maxDepth: 3 }), tags: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) },
        { requiredKeys: ['label'] },
      )
      .map((value) => JSON.stringify(value)),
  );
  const contentType = fc.constantFrom(
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'application/problem+json',
    'text/plain',
    'application/x-www-form-urlencoded',
  );
  const headerValue = fc.oneof(
    printable,
    fc.uuid().map(String),
    fc.nat().map((n) => `"${n}"`),
  );
  const maybeHeader = fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: headerValue, weight: 1 });
  const demoId = fc.oneof(
    fc.uuid(),
    garbageText.filter((text) => text.length > 0).map(encodeURIComponent),
    printable.filter((text) => /^[\w-]+$/.test(text)),
  );

  it('never answers a POST command with a 500', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(demoId, body, contentType, maybeHeader, maybeHeader, maybeHeader, async (id, text, type, idempotencyKey, ifMatch, correlationId) => {
        const request = app.http().post(`/api/v1/demo/${id}/items`).set('Authorization', authorization).set('Content-Type', type);
        if (idempotencyKey !== undefined) request.set('Idempotency-Key', idempotencyKey);
        if (ifMatch !== undefined) request.set('If-Match', ifMatch);
        if (correlationId !== undefined) request.set('X-Correlation-Id', correlationId);
        const response = await request.send(text);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      }),
      { numRuns: 300 },
    );
    // The garbage must also reach the store now and then, not only bounce off the parser.
    expect(statuses.get(201)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
  });

  it('never answers a GET with a 500, whatever its path and read-your-writes header', async () => {
    await fc.assert(
      // `/live` reads no projection, so a well-formed position answers at once rather than after 10 s.
      fc.asyncProperty(demoId, fc.option(printable, { nil: undefined }), async (id, waitFor) => {
        const request = app
          .http()
          .get(`/api/v1/demo/${id}${waitFor === undefined ? '' : '/live'}`)
          .set('Authorization', authorization);
        if (waitFor !== undefined) request.set('X-Wait-For-Position', waitFor);
        const response = await request;
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
