/**
 * Who may send case commands: the recording roles of the case's force (or of all forces,
 * `*`); the DCC alone decides on a departure; readers never write.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/http/roles';
import { referralBody, subjectBody } from './every-route';
import { eventsOf, post, serviceForThisFile } from './support';

describe('who may send case commands', () => {
  const service = serviceForThisFile();

  async function openCase(): Promise<string> {
    const caseId = randomUUID();
    expect((await post(service.app, 'cases', referralBody(caseId))).status).toBe(201);
    return caseId;
  }

  describe.each<Role>(['INSPECTOR', 'AUDITOR', 'ADMIN'])('a user whose role is %s', (role) => {
    it('may not open a case (403)', async () => {
      const caseId = randomUUID();
      const response = await post(service.app, 'cases', referralBody(caseId), { role });
      expect(response.status).toBe(403);
      expect(await eventsOf(service.app, caseId)).toEqual([]);
    });

    it('may not record a step (403), and nothing is appended', async () => {
      const caseId = await openCase();
      const response = await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID()), { role });
      expect(response.status).toBe(403);
      expect(await eventsOf(service.app, caseId)).toHaveLength(1);
    });
  });

  it.each<Role>(['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY', 'DCC'])('lets %s open a case and record a step', async (role) => {
    const caseId = randomUUID();
    expect((await post(service.app, 'cases', referralBody(caseId), { role })).status).toBe(201);
    expect((await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID()), { role })).status).toBe(201);
  });

  describe('a departure decision', () => {
    async function departedSubject(): Promise<string> {
      const caseId = await openCase();
      const subjectId = randomUUID();
      await post(service.app, `cases/${caseId}/subjects`, subjectBody(subjectId));
      const departure = await post(service.app, `cases/${caseId}/subjects/${subjectId}/departure`, { how: 'RESIGNED', on: '2021-04-01', approvedByDcc: false });
      expect(departure.status).toBe(201);
      return `cases/${caseId}/subjects/${subjectId}/departure/decision`;
    }

    it.each<Role>(['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY'])('is refused to %s (403)', async (role) => {
      const response = await post(service.app, await departedSubject(), { approved: true, on: '2021-04-02' }, { role });
      expect(response.status).toBe(403);
    });

    it('is the DCC’s', async () => {
      const response = await post(service.app, await departedSubject(), { approved: true, on: '2021-04-02' }, { role: 'DCC' });
      expect(response.status).toBe(201);
    });
  });

  describe('forces', () => {
    it('answers a writer of another force 404, as if the case did not exist, and appends nothing', async () => {
      const caseId = await openCase();
      const response = await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID()), { force: 'KENT' });
      expect(response.status).toBe(404);
      expect(response.body.detail).toBe(`There is no case ${caseId}.`);
      expect(await eventsOf(service.app, caseId)).toHaveLength(1);
    });

    it('lets a writer acting for all forces (*) record a step on any force’s case', async () => {
      const caseId = await openCase();
      const response = await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID()), { force: '*' });
      expect(response.status).toBe(201);
    });

    it('refuses to open a case for another force than the writer’s (403)', async () => {
      const caseId = randomUUID();
      const response = await post(service.app, 'cases', referralBody(caseId, { force: 'KENT' }));
      expect(response.status).toBe(403);
      expect(await eventsOf(service.app, caseId)).toEqual([]);
    });

    it('lets a writer acting for all forces (*) open a case for any force', async () => {
      const response = await post(service.app, 'cases', referralBody(randomUUID(), { force: 'KENT' }), { force: '*' });
      expect(response.status).toBe(201);
    });
  });

  describe('need-to-know', () => {
    it('answers a writer whose role does not see covert cases 404 on a covert case, and lets an ACU investigator write', async () => {
      const caseId = randomUUID();
      expect((await post(service.app, 'cases', referralBody(caseId, { sensitivity: 'COVERT' }), { role: 'ACU_INVESTIGATOR' })).status).toBe(201);
      const refused = await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID()), { role: 'PSD_INVESTIGATOR' });
      expect(refused.status).toBe(404);
      expect(refused.body.detail).toBe(`There is no case ${caseId}.`);
      expect((await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID()), { role: 'ACU_INVESTIGATOR' })).status).toBe(201);
    });

    it('refuses a subject of the case (403): nobody records steps on their own case', async () => {
      const caseId = await openCase();
      const personId = randomUUID();
      await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID(), { personId }));
      const response = await post(service.app, `cases/${caseId}/learning`, { on: '2021-08-01', kind: 'FORCE_ACTION', text: 'x' }, { userId: personId });
      expect(response.status).toBe(403);
      expect(await eventsOf(service.app, caseId)).toHaveLength(2);
    });
  });
});
