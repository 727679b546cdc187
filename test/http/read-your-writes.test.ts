import { GlobalPosition, parsePosition, positionOf } from '../../src/event-store/position';
import { ProjectionStatusRegistry } from '../../src/health/projection-status';
import { TestApp } from '../support/app';
import { DEMO_PROJECTION } from './demo/demo.controller';
import { bearer, newDemoId, PROBLEM_JSON, startDemoApp } from './support';

describe('X-Wait-For-Position', () => {
  let app: TestApp;
  let authorization: string;
  // A projection the test moves by hand.
  let projected: GlobalPosition = positionOf(-1n);

  beforeAll(async () => {
    app = await startDemoApp();
    authorization = bearer(app.config);
    app.app.get(ProjectionStatusRegistry).register({ name: DEMO_PROJECTION, position: async () => projected });
  });

  afterAll(async () => {
    await app.close();
  });

  const read = (path: string, waitFor?: string) => {
    const request = app.http().get(`/api/v1/demo/${path}`).set('Authorization', authorization);
    return waitFor === undefined ? request : request.set('X-Wait-For-Position', waitFor);
  };

  async function write(): Promise<{ demoId: string; position: string }> {
    const demoId = newDemoId();
    const response = await app.http().post(`/api/v1/demo/${demoId}/items`).set('Authorization', authorization).send({ label: 'x' });
    expect(response.status).toBe(201);
    return { demoId, position: response.headers['x-ledger-position'] };
  }

  it.each([['soon'], ['-2'], ['1:2:3'], ['12345678901234567890123'], ['']])('refuses the malformed position %p with 400', async (value) => {
    const response = await read(`${newDemoId()}/report`, value);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body.errors).toEqual([{ field: 'X-Wait-For-Position', message: expect.any(String) }]);
  });

  it('answers at once when the projections the route reads are already there', async () => {
    const { position } = await write();
    projected = parsePosition(position)!;
    const started = Date.now();
    const response = await read(`${newDemoId()}/report`, position);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('answers at once on a route that reads no projection', async () => {
    const response = await read(`${newDemoId()}/live`, '999999999');
    expect(response.status).toBe(200);
  });

  it('waits for a lagging projection to catch up, on a route that names it', async () => {
    const { position } = await write();
    setTimeout(() => {
      projected = parsePosition(position)!;
    }, 400);
    const started = Date.now();
    const response = await read(`${newDemoId()}/report`, position);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('waits for every registered projection on a route that names none', async () => {
    const { demoId, position } = await write();
    setTimeout(() => {
      projected = parsePosition(position)!;
    }, 300);
    const started = Date.now();
    const response = await read(demoId, position);
    expect(response.status).toBe(200);
    expect(response.body.labels).toEqual(['x']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('gives up after 10 s with 503 and Retry-After when a projection stays behind', async () => {
    const { position } = await write();
    const started = Date.now();
    const response = await read(`${newDemoId()}/report`, `${BigInt(position) + 1000n}`);
    const waited = Date.now() - started;
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.body.detail).toContain(DEMO_PROJECTION);
    expect(waited).toBeGreaterThanOrEqual(9_500);
    expect(waited).toBeLessThan(12_000);
  }, 20_000);

  it('ignores the header on a command', async () => {
    const response = await app
      .http()
      .post(`/api/v1/demo/${newDemoId()}/items`)
      .set('Authorization', authorization)
      .set('X-Wait-For-Position', 'not a position')
      .send({ label: 'x' });
    expect(response.status).toBe(201);
  });
});
