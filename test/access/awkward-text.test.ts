/**
 * Text the access log must take exactly or keep out (issue 11 items 12 and 19): token claims
 * PostgreSQL cannot store are refused at authentication; an entry the recorder cannot store
 * is set aside (dead letter, reported by /health) without holding up the others; and a
 * purpose in Welsh is recorded as it was written.
 */
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AccessRecorder } from '../../src/access-log/access-recorder';
import type { AccessEntry } from '../../src/access-log/access.events';
import { EventStore } from '../../src/event-store/event-store';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { accessLog, openCase } from './access-support';

describe('awkward text in the access log', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
  });

  afterAll(() => service.close());

  const token = (claims: Record<string, unknown>): string =>
    `Bearer ${jwt.sign({ name: 'Test User', roles: ['DCC'], force: 'HAMPSHIRE', ...claims }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: 600 })}`;

  it.each([
    ['a sub holding NUL', { sub: `${randomUUID()}\u0000` }],
    ['a sub holding a lone surrogate', { sub: 'officer-\ud800' }],
    ['a name holding NUL', { sub: randomUUID(), name: 'Pat\u0000Example' }],
    ['a name holding a lone surrogate', { sub: randomUUID(), name: 'Pat \udc00' }],
  ])('refuses (401) a token with %s', async (_case, claims) => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const response = await service
      .http()
      .get(`/api/v1/cases/${caseId}`)
      .set('Authorization', token(claims))
      .set('X-Access-Purpose', 'Reviewing the file for the hearing')
      .set('X-Wait-For-Position', position);
    expect(response.status).toBe(401);
    expect(response.body.detail).toMatch(/cannot be stored|NUL|surrogate/);
  });

  it('sets aside an entry it cannot store, stores the others, and /health says so', async () => {
    const recorder = service.app.get(AccessRecorder);
    const entry = (userId: string, purpose = 'Reviewing the file for the hearing'): AccessEntry => ({
      kind: 'case',
      subjectId: randomUUID(),
      userId,
      roles: ['DCC'],
      readerForce: 'HAMPSHIRE',
      force: 'HAMPSHIRE',
      purpose,
      at: new Date().toISOString(),
      granted: true,
      reasonIfRefused: null,
    });
    const before = entry(randomUUID());
    const unstorable = entry(`${randomUUID()}\u0000`);
    const alsoUnstorable = entry(randomUUID(), 'A purpose ending badly \ud800');
    const after = entry(randomUUID());
    await recorder.record(before);
    await expect(recorder.record(unstorable)).rejects.toMatchObject({ status: 500 });
    await expect(recorder.record(alsoUnstorable)).rejects.toMatchObject({ status: 500 });
    await recorder.record(after);
    await recorder.flush();
    expect(recorder.pending).toBe(0);

    const stored = await service.app.get(EventStore).readStream(`access-${before.at.slice(0, 10)}`);
    const storedCases = stored.map((event) => event.data.caseId);
    expect(storedCases).toEqual(expect.arrayContaining([before.subjectId, after.subjectId]));
    expect(storedCases).not.toContain(unstorable.subjectId);

    const health = await service.http().get('/health');
    expect(health.body.status).toBe('degraded');
    expect(health.body.accessRecorder).toMatchObject({ status: 'degraded', deadLetters: 2 });
    expect(JSON.stringify(health.body)).not.toContain('ending badly');
  });

  it('records a purpose written in Welsh exactly as it was sent (UTF-8 bytes in the header)', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const purpose = 'Adolygu’r ffeil cyn y gwrandawiad: ŵyn, ŷd a chŵn';
    const userId = randomUUID();
    const reader = bearer(service.config, { userId, roles: ['DCC'], force: 'HAMPSHIRE' });
    // Node sends a header string's characters as single bytes: this sends the UTF-8 bytes.
    const asBytes = Buffer.from(purpose, 'utf8').toString('latin1');
    await service
      .http()
      .get(`/api/v1/cases/${caseId}`)
      .set('Authorization', reader)
      .set('X-Access-Purpose', asBytes)
      .set('X-Wait-For-Position', position)
      .expect(200);
    const auditor = bearer(service.config, { userId: randomUUID(), roles: ['AUDITOR'], force: '*' });
    const log = await accessLog(service, auditor, `userId=${userId}`);
    expect(log.items.map((item) => item.purpose)).toEqual([purpose]);
  });
});
