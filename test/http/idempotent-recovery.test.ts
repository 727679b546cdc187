/**
 * Issue 11, items 8 and 9: a command whose process died between its append and recording
 * its answer. The retry with the same Idempotency-Key recognises the events it appended
 * (their ids derive from the key) and answers the first result (8); a reservation whose
 * owner process has died is taken over at once rather than after the stale period (9).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Client } from 'pg';
import { EventStore } from '../../src/event-store/event-store';
import { TestApp } from '../support/app';
import { referralBody, subjectBody } from '../cases/every-route';
import { post, startCasesApp } from '../cases/support';

describe('a retry after the process died mid-command', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startCasesApp();
  });

  afterAll(async () => {
    await app.close();
  });

  async function sql(text: string, values: unknown[] = []): Promise<void> {
    const client = new Client({ connectionString: app.database.url });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
  }

  /** As if the process died after the append committed and before the key was completed. */
  const leaveKeyIncomplete = (key: string): Promise<void> =>
    sql(
      `UPDATE idempotency_keys SET status_code = NULL, response_headers = NULL, response_body = NULL, completed_at = NULL,
              locked_at = now() - interval '1 hour' WHERE idempotency_key = $1`,
      [key],
    );
  const eventsOf = (caseId: string) => app.app.get(EventStore).readStream(`case-${caseId}`);
  const sender = (key: string) => ({ role: 'ACU_INVESTIGATOR' as const, userId: 'acu-crash-1', headers: { 'Idempotency-Key': key } });

  describe('recognising its own committed events (item 8)', () => {
    it('answers POST /cases with the first 201 and the case id it created, not 409 caseAlreadyExists', async () => {
      const key = randomUUID();
      const { caseId: _omitted, ...withoutId } = referralBody('unused');
      const first = await post(app, 'cases', withoutId, sender(key));
      expect(first.status).toBe(201);
      await leaveKeyIncomplete(key);

      const retry = await post(app, 'cases', withoutId, sender(key));
      expect({ status: retry.status, rule: retry.body.rule }).toEqual({ status: 201, rule: undefined });
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(await eventsOf(first.body.caseId)).toHaveLength(1);
    });

    it('answers an added subject with the first 201, not 409 subjectAlreadyAdded, even with its old If-Match', async () => {
      const caseId = randomUUID();
      expect((await post(app, 'cases', referralBody(caseId), { role: 'ACU_INVESTIGATOR' })).status).toBe(201);
      const key = randomUUID();
      const added = { ...sender(key), headers: { ...sender(key).headers, 'If-Match': '"0"' } };
      const first = await post(app, `cases/${caseId}/subjects`, subjectBody(randomUUID()), added);
      expect(first.status).toBe(201);
      await leaveKeyIncomplete(key);

      const body = JSON.parse(first.request.toJSON().data as string) as Record<string, unknown>;
      const retry = await post(app, `cases/${caseId}/subjects`, body, added);
      expect({ status: retry.status, rule: retry.body.rule }).toEqual({ status: 201, rule: undefined });
      expect(retry.body).toEqual(first.body);
      expect(await eventsOf(caseId)).toHaveLength(2);
    });

    it('answers a register entry (the shared write path) with the first 201, not 409 associationAlreadyDeclared', async () => {
      const personId = randomUUID();
      const key = randomUUID();
      const entry = { declaredOn: '2023-02-01', nature: 'RELATIVE', person: 'A cousin convicted of supply' };
      const registrar = { role: 'PSD_INVESTIGATOR' as const, userId: 'psd-crash-1', headers: { 'Idempotency-Key': key } };
      const first = await post(app, `people/${personId}/associations`, entry, registrar);
      expect(first.status).toBe(201);
      await leaveKeyIncomplete(key);
      const retry = await post(app, `people/${personId}/associations`, entry, registrar);
      expect({ status: retry.status, rule: retry.body.rule }).toEqual({ status: 201, rule: undefined });
      expect(retry.body).toEqual(first.body);
    });
  });

  describe('a reservation whose owner died (item 9)', () => {
    it('is taken over at once, not held 10 s and refused 409 idempotency-key-in-use', async () => {
      const key = randomUUID();
      const caseId = randomUUID();
      const body = referralBody(caseId);
      const userId = 'acu-crash-2';
      // Another process reserves the key as the interceptor would, then is killed (kill -9)
      // before it runs the command.
      const exitSignal = await reserveAndDie(app.database.url, { userId, key, method: 'POST', path: '/api/v1/cases', body });
      expect(exitSignal).toBe('SIGKILL');

      const startedAt = Date.now();
      const retry = await post(app, 'cases', body, { role: 'ACU_INVESTIGATOR', userId, headers: { 'Idempotency-Key': key } });
      expect({ status: retry.status, type: retry.body.type as unknown }).toEqual({ status: 201, type: undefined });
      expect(retry.body.caseId).toBe(caseId);
      expect(Date.now() - startedAt).toBeLessThan(5_000);
    }, 60_000);

    it('is not taken over while its owner process lives, and is once it is killed', async () => {
      const key = randomUUID();
      const caseId = randomUUID();
      const body = referralBody(caseId);
      const userId = 'acu-crash-4';
      const owner = await reserveAndWait(app.database.url, { userId, key, method: 'POST', path: '/api/v1/cases', body });
      try {
        const held = await post(app, 'cases', body, { role: 'ACU_INVESTIGATOR', userId, headers: { 'Idempotency-Key': key } });
        expect({ status: held.status, type: held.body.type as unknown }).toEqual({ status: 409, type: 'urn:integrity-ledger:problem:idempotency-key-in-use' });
      } finally {
        owner.kill('SIGKILL');
      }
      await new Promise((resolve) => owner.on('exit', resolve));
      const retry = await post(app, 'cases', body, { role: 'ACU_INVESTIGATOR', userId, headers: { 'Idempotency-Key': key } });
      expect(retry.status).toBe(201);
      expect(retry.body.caseId).toBe(caseId);
    }, 60_000);

    it('still makes a retry wait while its owner is alive and running', async () => {
      const key = randomUUID();
      const body = referralBody(randomUUID());
      const sendIt = () => post(app, 'cases', body, { role: 'ACU_INVESTIGATOR', userId: 'acu-crash-3', headers: { 'Idempotency-Key': key } });
      const responses = await Promise.all([sendIt(), sendIt(), sendIt()]);
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201]);
      expect(await eventsOf(body.caseId as string)).toHaveLength(1);
    });
  });
});

/** Runs test/http/reserve-and-die.ts with THEN=wait; resolves with the live process once it holds the key. */
function reserveAndWait(databaseUrl: string, request: { userId: string; key: string; method: string; path: string; body: unknown }): Promise<ChildProcess> {
  const script = path.join(__dirname, 'reserve-and-die.ts');
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script], {
    env: { ...process.env, DATABASE_URL: databaseUrl, RESERVATION: JSON.stringify(request), THEN: 'wait' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the owner process ended early (${String(code)})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('reserved')) resolve(child);
    });
  });
}

/** Runs test/http/reserve-and-die.ts in a process of its own; resolves with the signal that ended it. */
function reserveAndDie(
  databaseUrl: string,
  request: { userId: string; key: string; method: string; path: string; body: unknown },
): Promise<NodeJS.Signals | null> {
  const script = path.join(__dirname, 'reserve-and-die.ts');
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script], {
    env: { ...process.env, DATABASE_URL: databaseUrl, RESERVATION: JSON.stringify(request) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}
