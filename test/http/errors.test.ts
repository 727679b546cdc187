import { Logger } from '@nestjs/common';
import { EventStore } from '../../src/event-store/event-store';
import { TestApp } from '../support/app';
import { DEMO_RULE } from './demo/demo.controller';
import { bearer, newDemoId, PROBLEM_JSON, startDemoApp } from './support';

describe('HTTP errors are problem+json', () => {
  let app: TestApp;
  let authorization: string;

  beforeAll(async () => {
    app = await startDemoApp();
    authorization = bearer(app.config);
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (path: string) => app.http().post(`/api/v1${path}`).set('Authorization', authorization);
  const eventsIn = async (demoId: string) => (await app.app.get(EventStore).readStream(`demo-${demoId}`)).length;

  function expectProblem(response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number): void {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  }

  describe('400: invalid input', () => {
    it('names each invalid field, nested ones by dotted path', async () => {
      const demoId = newDemoId();
      const response = await post(`/demo/${demoId}/items`).send({ label: 42, detail: { code: '', count: -1 }, tags: ['a', 7] });
      expectProblem(response, 400);
      const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['label', 'detail.code', 'detail.count', 'tags']));
      expect(response.body.errors).toContainEqual({ field: 'detail.count', message: expect.stringMatching(/count/) });
      expect(await eventsIn(demoId)).toBe(0);
    });

    it('names a missing required field', async () => {
      const response = await post(`/demo/${newDemoId()}/items`).send({});
      expectProblem(response, 400);
      expect(response.body.errors).toContainEqual({ field: 'label', message: expect.any(String) });
    });

    it('refuses unknown fields, at the top and nested', async () => {
      const response = await post(`/demo/${newDemoId()}/items`).send({ label: 'x', caseId: 'y', detail: { code: 'a', count: 1, colour: 'red' } });
      expectProblem(response, 400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'caseId', message: 'property caseId should not exist' },
          { field: 'detail.colour', message: 'property colour should not exist' },
        ]),
      );
    });

    it('does not echo submitted values', async () => {
      const response = await post(`/demo/${newDemoId()}/items`).send({ label: 'x', occurredAt: 'Jane Example was here' });
      expectProblem(response, 400);
      expect(JSON.stringify(response.body)).not.toContain('Jane Example');
    });

    it('answers malformed JSON with 400, without quoting it', async () => {
      const response = await post(`/demo/${newDemoId()}/items`).set('Content-Type', 'application/json').send('{"label": "Jane Example", ');
      expectProblem(response, 400);
      expect(response.body.detail).toBe('The request body is not valid JSON.');
      expect(response.body.errors).toEqual([]);
    });

    it.each([['[{"label": "x"}]'], ['"label"'], ['null'], ['42']])('refuses the JSON body %s, which is not an object', async (body) => {
      const response = await post(`/demo/${newDemoId()}/items`).set('Content-Type', 'application/json').send(body);
      expectProblem(response, 400);
    });

    it('refuses text containing NUL, which PostgreSQL cannot store, and appends nothing', async () => {
      const demoId = newDemoId();
      const response = await post(`/demo/${demoId}/items`).send({ label: 'before\u0000after' });
      expectProblem(response, 400);
      expect(response.body.errors).toEqual([{ field: 'label', message: expect.stringContaining('NUL') }]);
      expect(await eventsIn(demoId)).toBe(0);
    });

    it('refuses NUL even in a field name or deep inside an unknown field', async () => {
      const response = await post(`/demo/${newDemoId()}/items`).send({ label: 'x', 'na\u0000me': 1, extra: [{ deep: '\u0000' }] });
      expectProblem(response, 400);
    });

    it('refuses lone surrogates and numbers too large to be finite', async () => {
      const surrogate = await post(`/demo/${newDemoId()}/items`).set('Content-Type', 'application/json').send('{"label": "a\\ud800b"}');
      expectProblem(surrogate, 400);
      expect(surrogate.body.errors[0].field).toBe('label');
      const infinite = await post(`/demo/${newDemoId()}/items`)
        .set('Content-Type', 'application/json')
        .send('{"label": "x", "detail": {"code": "a", "count": 1e999}}');
      expectProblem(infinite, 400);
      expect(infinite.body.errors[0].field).toBe('detail.count');
    });

    it('refuses bodies nested deeper than any command needs', async () => {
      const deep = `{"label": "x", "extra": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
      expectProblem(await post(`/demo/${newDemoId()}/items`).set('Content-Type', 'application/json').send(deep), 400);
    });

    it('refuses NUL in the URL', async () => {
      expectProblem(await post(`/demo/abc%00def/items`).send({ label: 'x' }), 400);
    });

    it('answers a malformed percent-encoding in the path with 400', async () => {
      expectProblem(await post('/demo/%E0%A4%A/items').send({ label: 'x' }), 400);
    });

    it('answers an append the store refuses as malformed (InvalidAppendError) with 400', async () => {
      const response = await post(`/demo/${encodeURIComponent('not a stream id')}/items`).send({ label: 'x' });
      expectProblem(response, 400);
      expect(response.body.detail).toMatch(/stream name/);
    });
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await post(`/demo/${newDemoId()}/items`).send({ label: 'x', tags: ['y'.repeat(1024 * 1024)] });
    expectProblem(response, 413);
  });

  it('answers headers over the server limit with 431, before any route runs', async () => {
    const response = await app.http().get('/health').set('X-Padding', 'h'.repeat(20_000));
    expectProblem(response, 431);
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await post(`/demo/${newDemoId()}/items`).set('Content-Type', 'text/plain').send('label=x');
    expectProblem(response, 415);
  });

  it('answers a DomainError with 422 naming the rule', async () => {
    const demoId = newDemoId();
    const response = await post(`/demo/${demoId}/items`).send({ label: 'refused' });
    expectProblem(response, 422);
    expect(response.body.rule).toBe(DEMO_RULE);
    expect(response.body.detail).toBe(`${DEMO_RULE}: a demo item may not be labelled "refused"`);
    expect(await eventsIn(demoId)).toBe(0);
  });

  it('answers a NotFoundError with 404', async () => {
    const response = await app.http().get(`/api/v1/demo/${newDemoId()}`).set('Authorization', authorization);
    expectProblem(response, 404);
    expect(response.body.detail).toMatch(/there is no demo/);
  });

  it('answers an unexpected error with a bare 500 and logs its class, not its message', async () => {
    const logged: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map(String).join(' '));
    });
    try {
      const response = await post(`/demo/${newDemoId()}/failures`).set('X-Correlation-Id', '0b8f9a56-3f0e-4d7b-9d55-2a4c1b7e9f10').send({});
      expectProblem(response, 500);
      expect(response.body.detail).toContain('0b8f9a56-3f0e-4d7b-9d55-2a4c1b7e9f10');
      expect(JSON.stringify(response.body)).not.toMatch(/Jane|QQ123456C/);
    } finally {
      spy.mockRestore();
    }
    expect(logged.join('\n')).toMatch(/Error while handling POST \/api\/v1\/demo\/:demoId\/failures/);
    expect(logged.join('\n')).not.toMatch(/Jane|QQ123456C|Bearer/);
  });
});
