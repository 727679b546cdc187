/**
 * A correction of the opening event is held to the rights of opening (issue 11, item 10): a
 * writer may not move a case to a force they could not open one for, nor make it more
 * sensitive than their roles may see (403 naming the rule, nothing appended).
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/http/roles';
import { referralBody } from './every-route';
import { eventsOf, post, PROBLEM_JSON, serviceForThisFile } from './support';

describe('correcting the opening event', () => {
  const service = serviceForThisFile();

  /** A STANDARD case of HAMPSHIRE; answers its id and the id of its ReferralReceived. */
  async function openCase(): Promise<{ caseId: string; referralId: string }> {
    const caseId = randomUUID();
    const opened = await post(service.app, 'cases', referralBody(caseId));
    expect(opened.status).toBe(201);
    return { caseId, referralId: opened.body.events[0].eventId as string };
  }

  const correct = (caseId: string, referralId: string, overrides: Record<string, unknown>, role: Role = 'PSD_INVESTIGATOR') =>
    post(
      service.app,
      `cases/${caseId}/corrections`,
      { correctsEventId: referralId, reason: 'Recorded in error.', replacement: referralBody(caseId, overrides) },
      { role, userId: randomUUID() },
    );

  it.each([
    ['to another force', { force: 'KENT' }, 'correctionBeyondWritersForce'],
    ['to COVERT by a writer whose role may not see covert cases', { sensitivity: 'COVERT' }, 'correctionBeyondWritersSensitivity'],
  ])('refuses a move %s (403 naming the rule), and appends nothing', async (_what, overrides, rule) => {
    const { caseId, referralId } = await openCase();
    const refused = await correct(caseId, referralId, overrides);
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(refused.body).toMatchObject({ rule, reason: rule });
    expect(await eventsOf(service.app, caseId)).toHaveLength(1);
  });

  it('lets a writer correct within their rights: a DCC may make the case covert, anyone may fix a date', async () => {
    const { caseId, referralId } = await openCase();
    expect((await correct(caseId, referralId, { receivedOn: '2021-03-02' })).status).toBe(201);
    expect((await correct(caseId, referralId, { sensitivity: 'COVERT' }, 'DCC')).status).toBe(201);
    expect(await eventsOf(service.app, caseId)).toHaveLength(3);
  });
});
