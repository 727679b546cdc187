/**
 * Bodies shaped to hurt (issue 11 items 4 and 16): a body of tens of thousands of keys is
 * refused before class-transformer walks it (which took seconds of the event loop), with a
 * short list of problems; and fields named after Object.prototype members are refused like
 * any other unknown field, not dropped.
 */
import { randomUUID } from 'node:crypto';
import { referralBody, subjectBody } from '../cases/every-route';
import { eventsOf, post, PROBLEM_JSON, serviceForThisFile } from '../cases/support';

/** About 1 MB of JSON: 80,000 keys the route does not know. */
function manyUnknownKeys(count: number): Record<string, unknown> {
  const body: Record<string, unknown> = { nature: 'OTHER' };
  for (let key = 0; key < count; key += 1) body[`k${key}`] = 1;
  return body;
}

describe('bodies shaped to hurt', () => {
  const service = serviceForThisFile();

  // No timed assertion (speed is measured by the bench, not by tests): the refusal names the
  // cap on the body's size in fields, which is checked while the JSON is read, so class-
  // transformer (which took 3 to 5 s of the event loop on this body) never sees it.
  it('refuses 80,000 unknown keys by the cap on fields, before any field is looked at, with a short answer', async () => {
    const body = manyUnknownKeys(80_000);
    const size = JSON.stringify(body).length;
    expect(size).toBeGreaterThan(800_000);
    expect(size).toBeLessThan(1_000_000);
    const response = await post(service.app, `cases/${randomUUID()}/conflicts`, body, { role: 'INSPECTOR' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.text.length).toBeLessThan(10_000);
    expect(response.body.errors).toEqual([{ field: 'body', message: expect.stringMatching(/^a body may hold at most \d+ fields and list items in all$/) }]);
    await service.app.http().get('/health').expect(200);
  });

  it('answers at most 20 problems and says how many more there were', async () => {
    const caseId = randomUUID();
    expect((await post(service.app, 'cases', referralBody(caseId))).status).toBe(201);
    const body = { ...subjectBody(randomUUID()), ...Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`extra${index}`, index])) };
    const response = await post(service.app, `cases/${caseId}/subjects`, body);
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(20);
    expect(response.body.errorsNotShown).toBe(10);
    expect(await eventsOf(service.app, caseId)).toHaveLength(1);
  });

  it.each([['constructor'], ['toString'], ['hasOwnProperty'], ['valueOf'], ['isPrototypeOf'], ['__defineGetter__']])(
    'refuses (400) an extra field named %p, naming it, and appends nothing',
    async (name) => {
      const caseId = randomUUID();
      expect((await post(service.app, 'cases', referralBody(caseId))).status).toBe(201);
      const response = await post(service.app, `cases/${caseId}/subjects`, { ...subjectBody(randomUUID()), [name]: 'x' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: name })]);
      expect(await eventsOf(service.app, caseId)).toHaveLength(1);
    },
  );

  it('refuses a nested field named constructor', async () => {
    const caseId = randomUUID();
    const response = await post(
      service.app,
      'cases',
      referralBody(caseId, { flags: { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false, constructor: 1 } }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'flags.constructor' })]);
  });
});
