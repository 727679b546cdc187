/**
 * Declaring a conflict of interest is the one write every role that reads cases has, the
 * read-only INSPECTOR and AUDITOR included (issue 11, item 21): it only ever takes a right
 * away from its author. ADMIN reads no case, so has nothing to declare. The contract says so.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/http/roles';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { openCase, PURPOSE } from './access-support';

describe('who may declare a conflict of interest', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
  });

  afterAll(() => service.close());

  it.each<Role>(['INSPECTOR', 'AUDITOR'])('lets a read-only %s declare one, after which its reads of the case are refused', async (role) => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const token = bearer(service.config, { userId: randomUUID(), roles: [role], force: '*' });
    const read = () =>
      service.http().get(`/api/v1/cases/${caseId}`).set('Authorization', token).set('X-Access-Purpose', PURPOSE).set('X-Wait-For-Position', position);
    await read().expect(200);
    const declared = await service.http().post(`/api/v1/cases/${caseId}/conflicts`).set('Authorization', token).send({ nature: 'ACQUAINTANCE' });
    expect(declared.status).toBe(201);
    expect((await read().expect(403)).body).toMatchObject({ reason: 'readerHasConflict' });
  });

  it('refuses ADMIN, which reads no case (403)', async () => {
    const token = bearer(service.config, { userId: randomUUID(), roles: ['ADMIN'], force: 'HAMPSHIRE' });
    await service.http().post(`/api/v1/cases/${randomUUID()}/conflicts`).set('Authorization', token).send({ nature: 'OTHER' }).expect(403);
  });

  it('says so in the OpenAPI description of the route', async () => {
    const document = (await service.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, { post?: { description?: string } }> };
    const route = document.paths['/api/v1/cases/{caseId}/conflicts']?.post;
    expect(route?.description).toMatch(/the one write every role that reads cases has/i);
    expect(route?.description).toMatch(/INSPECTOR and AUDITOR/);
  });
});
