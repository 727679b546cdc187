import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EventStore } from '../../src/event-store/event-store';
import { TestApp } from '../support/app';
import { bearer, newDemoId, PROBLEM_JSON, startDemoApp } from './support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('HTTP command plumbing', () => {
  let app: TestApp;
  let authorization: string;

  beforeAll(async () => {
    app = await startDemoApp();
    authorization = bearer(app.config, { userId: 'investigator-1', roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' });
  });

  afterAll(async () => {
    await app.close();
  });

  const addItem = (demoId: string, body: object, headers: Record<string, string> = {}) =>
    app.http().post(`/api/v1/demo/${demoId}/items`).set('Authorization', authorization).set(headers).send(body);
  const eventsOf = (demoId: string) => app.app.get(EventStore).readStream(`demo-${demoId}`);

  async function sql(text: string, values: unknown[] = []): Promise<void> {
    const client = new Client({ connectionString: app.database.url });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
  }

  describe('the command response', () => {
    it('is 201 with the aggregate id, revision, position and events, and ETag and X-Ledger-Position headers', async () => {
      const demoId = newDemoId();
      const response = await addItem(demoId, { label: 'first' });
      expect(response.status).toBe(201);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual({
        demoId,
        revision: 0,
        position: expect.stringMatching(/^\d+(:\d+)?$/),
        events: [{ eventId: expect.stringMatching(UUID), type: 'DemoItemAdded' }],
      });
      expect(response.headers.etag).toBe('"0"');
      expect(response.headers['x-ledger-position']).toBe(response.body.position);

      const second = await addItem(demoId, { label: 'second' });
      expect(second.body.revision).toBe(1);
      expect(second.headers.etag).toBe('"1"');
      expect(BigInt(second.body.position)).toBeGreaterThan(BigInt(response.body.position));
    });

    it('stamps the events with correlation, causation and command ids, the actor and occurredAt', async () => {
      const demoId = newDemoId();
      const correlationId = randomUUID();
      const response = await addItem(demoId, { label: 'x', occurredAt: '2025-03-01T10:00:00Z' }, { 'X-Correlation-Id': correlationId });
      expect(response.headers['x-correlation-id']).toBe(correlationId);
      const [event] = await eventsOf(demoId);
      expect(event.eventId).toBe(response.body.events[0].eventId);
      expect(event.metadata).toEqual({
        correlationId,
        causationId: expect.stringMatching(UUID),
        commandId: expect.stringMatching(UUID),
        actor: { userId: 'investigator-1', roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' },
        occurredAt: '2025-03-01T10:00:00Z',
        schemaVersion: 1,
      });
      expect(event.metadata.causationId).toBe(event.metadata.commandId);
      expect(JSON.stringify(event.metadata)).not.toContain('Test User');
    });

    it('makes up a correlation id when the client’s is not a UUID', async () => {
      const demoId = newDemoId();
      const response = await addItem(demoId, { label: 'x' }, { 'X-Correlation-Id': 'not-a-uuid' });
      expect(response.headers['x-correlation-id']).toMatch(UUID);
      const [event] = await eventsOf(demoId);
      expect(event.metadata.correlationId).toBe(response.headers['x-correlation-id']);
    });
  });

  describe('If-Match', () => {
    it('appends when the stream is at the expected revision', async () => {
      const demoId = newDemoId();
      await addItem(demoId, { label: 'a' });
      const response = await addItem(demoId, { label: 'b' }, { 'If-Match': '"0"' });
      expect(response.status).toBe(201);
      expect(response.body.revision).toBe(1);
    });

    it('answers a stale revision with 409 and the current revision, and appends nothing', async () => {
      const demoId = newDemoId();
      await addItem(demoId, { label: 'a' });
      await addItem(demoId, { label: 'b' });
      const response = await addItem(demoId, { label: 'c' }, { 'If-Match': '"0"' });
      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ status: 409, currentRevision: 1 });
      expect(await eventsOf(demoId)).toHaveLength(2);
    });

    it.each([['0'], ['W/"0"'], ['"-1"'], ['"a"'], ['"1", "2"'], ['*']])('refuses the malformed If-Match %s with 400', async (ifMatch) => {
      const response = await addItem(newDemoId(), { label: 'a' }, { 'If-Match': ifMatch });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the first response and appends nothing more', async () => {
      const demoId = newDemoId();
      const key = randomUUID();
      const first = await addItem(demoId, { label: 'once', tags: ['a'] }, { 'Idempotency-Key': key });
      const retry = await addItem(demoId, { tags: ['a'], label: 'once' }, { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(retry.headers['x-ledger-position']).toBe(first.headers['x-ledger-position']);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      const events = await eventsOf(demoId);
      expect(events).toHaveLength(1);
      expect(events[0].metadata.commandId).toBe(key);
    });

    it('refuses the same key with another body with 422, and appends nothing', async () => {
      const demoId = newDemoId();
      const key = randomUUID();
      await addItem(demoId, { label: 'once' }, { 'Idempotency-Key': key });
      const response = await addItem(demoId, { label: 'twice' }, { 'Idempotency-Key': key });
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body.detail).toMatch(/Idempotency-Key/);
      expect(await eventsOf(demoId)).toHaveLength(1);
    });

    it('refuses the same key on another path with 422', async () => {
      const key = randomUUID();
      await addItem(newDemoId(), { label: 'once' }, { 'Idempotency-Key': key });
      const response = await addItem(newDemoId(), { label: 'once' }, { 'Idempotency-Key': key });
      expect(response.status).toBe(422);
    });

    it('keeps one user’s keys apart from another’s', async () => {
      const demoId = newDemoId();
      const key = randomUUID();
      await addItem(demoId, { label: 'same' }, { 'Idempotency-Key': key });
      const other = await app
        .http()
        .post(`/api/v1/demo/${demoId}/items`)
        .set('Authorization', bearer(app.config, { userId: 'investigator-2' }))
        .set('Idempotency-Key', key)
        .send({ label: 'same' });
      expect(other.status).toBe(201);
      expect(other.body.revision).toBe(1);
      expect(await eventsOf(demoId)).toHaveLength(2);
    });

    it('refuses a key that is not a UUID with 400', async () => {
      const response = await addItem(newDemoId(), { label: 'x' }, { 'Idempotency-Key': 'retry-1' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    });

    it('frees the key when the command fails, so a corrected retry runs', async () => {
      const demoId = newDemoId();
      const key = randomUUID();
      expect((await addItem(demoId, { label: 'refused' }, { 'Idempotency-Key': key })).status).toBe(422);
      expect((await addItem(demoId, { label: 'accepted' }, { 'Idempotency-Key': key })).status).toBe(201);
      expect(await eventsOf(demoId)).toHaveLength(1);
    });

    it('lets concurrent requests with the same key append once, and answers them all alike', async () => {
      const demoId = newDemoId();
      const key = randomUUID();
      const responses = await Promise.all(Array.from({ length: 6 }, () => addItem(demoId, { label: 'concurrent' }, { 'Idempotency-Key': key })));
      expect(responses.map((response) => response.status)).toEqual(Array(6).fill(201));
      for (const response of responses) expect(response.body).toEqual(responses[0].body);
      expect(await eventsOf(demoId)).toHaveLength(1);
    });

    it('derives the event ids from the key, so a retry whose replay record was lost still appends nothing', async () => {
      const demoId = newDemoId();
      const key = randomUUID();
      const first = await addItem(demoId, { label: 'durable' }, { 'Idempotency-Key': key });
      // As if the service died between the append and recording the response.
      await sql('DELETE FROM idempotency_keys WHERE idempotency_key = $1', [key]);
      const retry = await addItem(demoId, { label: 'durable' }, { 'Idempotency-Key': key });
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await eventsOf(demoId)).toHaveLength(1);

      await sql('DELETE FROM idempotency_keys WHERE idempotency_key = $1', [key]);
      const changed = await addItem(demoId, { label: 'changed' }, { 'Idempotency-Key': key });
      expect(changed.status).toBe(422);
      expect(await eventsOf(demoId)).toHaveLength(1);
    });

    it('takes over a reservation left by a request that died', async () => {
      const demoId = newDemoId();
      const key = randomUUID();
      const first = await addItem(demoId, { label: 'stuck' }, { 'Idempotency-Key': key });
      await sql(
        `UPDATE idempotency_keys SET status_code = NULL, response_headers = NULL, response_body = NULL, completed_at = NULL,
                locked_at = now() - interval '1 minute' WHERE idempotency_key = $1`,
        [key],
      );
      const retry = await addItem(demoId, { label: 'stuck' }, { 'Idempotency-Key': key });
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await eventsOf(demoId)).toHaveLength(1);
    });
  });
});
