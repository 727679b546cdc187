/**
 * One id, one spelling (issue 11 item 3): ids are normalised once at the edge to the
 * lower-case canonical UUID (path, body, token `sub`), so another spelling of the same UUID
 * cannot slip past the subject, own-record and conflict checks, which compare strings.
 */
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Response } from 'supertest';
import type { Role } from '../../src/http/roles';
import { referralBody, subjectBody } from '../cases/every-route';
import { eventsOf, post, serviceForThisFile } from '../cases/support';
import { bearer, TEST_JWT_SECRET } from '../http/support';

const PURPOSE = 'Checking the spelling of ids, for the review';

describe('ids spelt another way', () => {
  const service = serviceForThisFile();

  function read(path: string, reader: { userId: string; role: Role; position: string }): Promise<Response> {
    return service.app
      .http()
      .get(`/api/v1/${path}`)
      .set('Authorization', bearer(service.app.config, { userId: reader.userId, roles: [reader.role], force: 'HAMPSHIRE' }))
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', reader.position);
  }

  /** A COVERT case with one subject whose person id is sent as `spelling`; the position of the last write. */
  async function covertCaseAbout(spelling: string): Promise<{ caseId: string; position: string }> {
    const caseId = randomUUID();
    const opened = await post(service.app, 'cases', referralBody(caseId, { sensitivity: 'COVERT' }), { role: 'ACU_INVESTIGATOR' });
    expect(opened.status).toBe(201);
    const added = await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID(), { personId: spelling }), { role: 'ACU_INVESTIGATOR' });
    expect(added.status).toBe(201);
    return { caseId, position: String(added.headers['x-ledger-position']) };
  }

  it('records a subject sent in upper case under the lower-case id: its officer does not read their own covert case', async () => {
    const personId = randomUUID();
    const { caseId, position } = await covertCaseAbout(personId.toUpperCase());
    const response = await read(`cases/${caseId}`, { userId: personId, role: 'ACU_INVESTIGATOR', position });
    expect(response.status).toBe(404);
    const [, added] = await eventsOf(service.app, caseId);
    expect(added.data).toMatchObject({ personId });
  });

  it('reads a token whose sub is in upper case as the lower-case id: its officer does not read their own covert case', async () => {
    const personId = randomUUID();
    const { caseId, position } = await covertCaseAbout(personId);
    const response = await read(`cases/${caseId}`, { userId: personId.toUpperCase(), role: 'ACU_INVESTIGATOR', position });
    expect(response.status).toBe(404);
    const whoami = await read(`cases/${caseId}`, { userId: personId.toUpperCase(), role: 'DCC', position });
    expect(whoami.status).toBe(404);
  });

  it('refuses an officer their own integrity record whichever way the path or the sub spells their id', async () => {
    const personId = randomUUID();
    const recorded = await post(service.app, `people/${personId}/drug-tests`, { testedOn: '2024-02-02', kind: 'RANDOM', result: 'NEGATIVE' });
    expect(recorded.status).toBe(201);
    const position = String(recorded.headers['x-ledger-position']);
    const ownByPath = await read(`people/${personId.toUpperCase()}/integrity-record`, { userId: personId, role: 'ACU_INVESTIGATOR', position });
    expect(ownByPath.status).toBe(403);
    const ownBySub = await read(`people/${personId}/integrity-record`, { userId: personId.toUpperCase(), role: 'ACU_INVESTIGATOR', position });
    expect(ownBySub.status).toBe(403);
  });

  it('gives effect to a conflict declared with the case id in upper case: on reads and on commands', async () => {
    const caseId = randomUUID();
    expect((await post(service.app, 'cases', referralBody(caseId))).status).toBe(201);
    const declarer = randomUUID();
    const declared = await post(service.app, `cases/${caseId.toUpperCase()}/conflicts`, { nature: 'RELATIVE' }, { userId: declarer });
    expect(declared.status).toBe(201);
    expect(declared.body.caseId).toBe(caseId);
    const position = String(declared.headers['x-ledger-position']);
    const readRefused = await read(`cases/${caseId}`, { userId: declarer, role: 'PSD_INVESTIGATOR', position });
    expect(readRefused.status).toBe(403);
    expect(readRefused.body.reason).toBe('readerHasConflict');
    const writeRefused = await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID()), { userId: declarer });
    expect(writeRefused.status).toBe(403);
    expect(await eventsOf(service.app, caseId)).toHaveLength(1);
  });

  it.each([
    ['in braces', (id: string) => `{${id}}`],
    ['as a URN', (id: string) => `urn:uuid:${id}`],
    ['with a trailing space', (id: string) => `${id} `],
    ['without hyphens', (id: string) => id.replace(/-/g, '')],
  ])('refuses (401) a token whose sub is a UUID %s', async (_spelling, spell) => {
    const token = jwt.sign({ name: 'Test User', roles: ['DCC'], force: 'HAMPSHIRE' }, TEST_JWT_SECRET, {
      algorithm: 'HS256',
      subject: spell(randomUUID()),
      expiresIn: 600,
    });
    const response = await service.app.http().get('/api/v1/cases').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(401);
    expect(response.body.detail).toMatch(/subject/);
  });

  it.each([
    ['in braces', (id: string) => `{${id}}`],
    ['as a URN', (id: string) => `urn:uuid:${id}`],
    ['with a trailing space', (id: string) => `${id} `],
  ])('refuses (400) a body id %s, and appends nothing', async (_spelling, spell) => {
    const caseId = randomUUID();
    expect((await post(service.app, 'cases', referralBody(caseId))).status).toBe(201);
    const response = await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID(), { personId: spell(randomUUID()) }));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'personId' })]);
    expect(await eventsOf(service.app, caseId)).toHaveLength(1);
  });

  it.each([
    ['in braces', (id: string) => `%7B${id}%7D`],
    ['as a URN', (id: string) => `urn:uuid:${id}`],
  ])('refuses (400) a path id %s', async (_spelling, spell) => {
    const response = await post(service.app, `cases/${spell(randomUUID())}/conflicts`, { nature: 'OTHER' });
    expect(response.status).toBe(400);
  });
});
