/**
 * What a register command answers when it cannot append, and that it then appends nothing:
 * 400 naming the fields, 403 for roles, a foreign force or one's own record, 404 for another
 * force's person, 409 for a stale If-Match, 422 naming the rule.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { EventStore } from '../../src/event-store/event-store';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { Role } from '../../src/http/roles';
import type { TestApp } from '../support/app';
import { bearer } from '../http/support';
import { post, PROBLEM_JSON, startCasesApp } from '../cases/support';

const APPLICATION = { appliedOn: '2023-04-03', nature: 'SECONDARY_EMPLOYMENT', details: 'Driving instructor' };

describe('refused register commands', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startCasesApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const eventsOf = (personId: string): Promise<RecordedEvent[]> => app.app.get(EventStore).readStream(`person-${personId}`);

  /** A HAMPSHIRE person with one business interest applied for. */
  async function personWithApplication(): Promise<{ personId: string; businessInterestId: string }> {
    const personId = randomUUID();
    const response = await post(app, `people/${personId}/business-interests`, APPLICATION);
    expect(response.status).toBe(201);
    return { personId, businessInterestId: String(response.body.businessInterestId) };
  }

  async function expectNothingAppended(personId: string, send: () => Promise<Response>, status: number): Promise<Response> {
    const before = await eventsOf(personId);
    const response = await send();
    expect(response.status).toBe(status);
    expect(await eventsOf(personId)).toEqual(before);
    return response;
  }

  describe('a rule of the process: 422 naming it', () => {
    const cases: [string, string, (businessInterestId: string) => [string, object]][] = [
      ['reviewNeedsApproval', 'a review of an application not yet decided', (id) => [`business-interests/${id}/review`, { reviewedOn: '2023-05-01' }]],
      [
        'rescindNeedsApproval',
        'rescinding an application not yet decided',
        (id) => [`business-interests/${id}/rescind`, { rescindedOn: '2023-05-01', reason: 'x y z' }],
      ],
      [
        'decisionNeedsApplication',
        'a decision on an interest nobody applied for',
        () => [`business-interests/${randomUUID()}/decision`, { decision: 'DECLINED', decidedOn: '2023-05-01' }],
      ],
      [
        'conditionsMatchDecision',
        'conditional approval without conditions',
        (id) => [`business-interests/${id}/decision`, { decision: 'APPROVED_WITH_CONDITIONS', decidedOn: '2023-05-01' }],
      ],
      [
        'associationRiskNeedsDeclaration',
        'assessing an association never declared',
        () => [`associations/${randomUUID()}/risk-assessment`, { assessedOn: '2023-05-01', risk: 'NO_RISK' }],
      ],
      ['vettingReviewNeedsGrant', 'a vetting review without vetting', () => ['vetting', { action: 'REVIEW', on: '2023-05-01' }]],
      [
        'hospitalityCannotBeRegifted',
        'hospitality re-gifted',
        () => [
          'gifts-and-hospitality',
          { offeredOn: '2023-05-01', kind: 'HOSPITALITY', estimatedValuePence: 100, offeredBy: 'A firm', decision: 'REGIFTED_TO_CHARITY' },
        ],
      ],
    ];
    it.each(cases)('%s: refuses %s', async (rule, _what, request) => {
      const { personId, businessInterestId } = await personWithApplication();
      const [path, body] = request(businessInterestId);
      const response = await expectNothingAppended(personId, () => post(app, `people/${personId}/${path}`, body), 422);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ status: 422, rule });
      expect(response.body.detail).toMatch(new RegExp(`^${rule}: `));
    });

    it('conflictMustBeDeclaredToSupervisor: refuses a conflict declared to the person themselves', async () => {
      const { personId } = await personWithApplication();
      const body = { declaredOn: '2023-05-02', nature: 'NEIGHBOUR', declaredTo: personId, action: 'NONE', details: 'A neighbour' };
      const response = await expectNothingAppended(personId, () => post(app, `people/${personId}/conflicts-of-interest`, body), 422);
      expect(response.body.rule).toBe('conflictMustBeDeclaredToSupervisor');
    });
  });

  describe('invalid input: 400 naming the fields', () => {
    const cases: [string, string, object, string[]][] = [
      ['a date not in the calendar', 'drug-tests', { testedOn: '2023-02-30', kind: 'RANDOM', result: 'NEGATIVE' }, ['testedOn']],
      ['a value outside the enumeration and a missing field', 'drug-tests', { testedOn: '2023-02-03', kind: 'HAIR' }, ['kind', 'result']],
      [
        'a negative value',
        'gifts-and-hospitality',
        { offeredOn: '2023-05-01', kind: 'GIFT', estimatedValuePence: -1, offeredBy: 'A firm', decision: 'ACCEPTED' },
        ['estimatedValuePence'],
      ],
      [
        'pounds rather than pence',
        'gifts-and-hospitality',
        { offeredOn: '2023-05-01', kind: 'GIFT', estimatedValuePence: 12.5, offeredBy: 'A firm', decision: 'ACCEPTED' },
        ['estimatedValuePence'],
      ],
      ['an unknown field', 'system-access-findings', { system: 'PNC', on: '2023-05-01', recordsViewed: 2, policingPurposeFound: false, user: 'x' }, ['user']],
      ['a force that is not a force code', 'drug-tests', { testedOn: '2023-02-03', kind: 'RANDOM', result: 'NEGATIVE', force: 'hampshire' }, ['force']],
      ['blank personal data', 'associations', { declaredOn: '2023-05-01', nature: 'FRIEND', person: '  ' }, ['person']],
      ['a level sent with REVIEW', 'vetting', { action: 'REVIEW', on: '2023-05-01', level: 'NPPV_1' }, ['level']],
      ['a GRANT without its level', 'vetting', { action: 'GRANT', on: '2023-05-01' }, ['level']],
      ['an unknown action', 'vetting', { action: 'SUSPEND', on: '2023-05-01' }, ['action']],
      [
        'a supervisor who is not a person id',
        'conflicts-of-interest',
        { declaredOn: '2023-05-02', nature: 'NEIGHBOUR', declaredTo: 'my sergeant', action: 'NONE', details: 'x' },
        ['declaredTo'],
      ],
    ];
    it.each(cases)('refuses %s', async (_what, path, body, fields) => {
      const { personId } = await personWithApplication();
      const response = await expectNothingAppended(personId, () => post(app, `people/${personId}/${path}`, body), 400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect([...new Set(response.body.errors.map((error: { field: string }) => error.field))].sort()).toEqual(fields.sort());
    });

    it('refuses a person id that is not a UUID', async () => {
      const response = await post(app, 'people/officer-1/drug-tests', { testedOn: '2023-02-03', kind: 'RANDOM', result: 'NEGATIVE' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'personId' })]);
    });

    it('refuses an entry from a user acting for all forces who does not say which force', async () => {
      const personId = randomUUID();
      const response = await expectNothingAppended(personId, () => post(app, `people/${personId}/business-interests`, APPLICATION, { force: '*' }), 400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'force' })]);
      expect((await post(app, `people/${personId}/business-interests`, { ...APPLICATION, force: 'KENT' }, { force: '*' })).status).toBe(201);
    });
  });

  describe('who may record', () => {
    it.each<Role>(['ADMIN', 'INSPECTOR', 'AUDITOR', 'DCC'])('refuses %s (403)', async (role) => {
      const { personId } = await personWithApplication();
      await expectNothingAppended(
        personId,
        () => post(app, `people/${personId}/drug-tests`, { testedOn: '2023-02-03', kind: 'RANDOM', result: 'NEGATIVE' }, { role }),
        403,
      );
    });

    it.each<Role>(['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY'])('lets %s record', async (role) => {
      const { personId } = await personWithApplication();
      expect((await post(app, `people/${personId}/drug-tests`, { testedOn: '2023-02-03', kind: 'RANDOM', result: 'NEGATIVE' }, { role })).status).toBe(201);
    });

    it("answers 404 for another force's person, and 403 for a force the writer does not act for", async () => {
      const { personId } = await personWithApplication();
      const test = { testedOn: '2023-02-03', kind: 'RANDOM', result: 'NEGATIVE' };
      await expectNothingAppended(personId, () => post(app, `people/${personId}/drug-tests`, test, { force: 'KENT' }), 404);
      await expectNothingAppended(personId, () => post(app, `people/${personId}/drug-tests`, { ...test, force: 'KENT' }), 403);
    });

    it("refuses 422 forceMustMatchPerson for a national writer recording in another force's register", async () => {
      const { personId } = await personWithApplication();
      const test = { testedOn: '2023-02-03', kind: 'RANDOM', result: 'NEGATIVE', force: 'KENT' };
      const response = await expectNothingAppended(personId, () => post(app, `people/${personId}/drug-tests`, test, { force: '*' }), 422);
      expect(response.body.rule).toBe('forceMustMatchPerson');
    });

    it('refuses a user recording in their own record (403)', async () => {
      const personId = randomUUID();
      const response = await app
        .http()
        .post(`/api/v1/people/${personId}/business-interests`)
        .set('Authorization', bearer(app.config, { userId: personId, roles: ['ACU_INVESTIGATOR'] }))
        .send(APPLICATION);
      expect(response.status).toBe(403);
      expect(await eventsOf(personId)).toEqual([]);
    });
  });

  describe('concurrency and retries', () => {
    it('answers 409 for a stale If-Match, and appends at the revision it names', async () => {
      const { personId } = await personWithApplication();
      const test = { testedOn: '2023-02-03', kind: 'RANDOM', result: 'NEGATIVE' };
      const stale = await expectNothingAppended(personId, () => post(app, `people/${personId}/drug-tests`, test, { headers: { 'If-Match': '"5"' } }), 409);
      expect(stale.body.currentRevision).toBe(0);
      const fresh = await post(app, `people/${personId}/drug-tests`, test, { headers: { 'If-Match': '"0"' } });
      expect({ status: fresh.status, etag: fresh.headers.etag }).toEqual({ status: 201, etag: '"1"' });
    });

    it('answers a retried application with the same Idempotency-Key again, with the same new id, and appends once', async () => {
      const personId = randomUUID();
      const headers = { 'Idempotency-Key': randomUUID() };
      const first = await post(app, `people/${personId}/business-interests`, APPLICATION, { headers });
      const again = await post(app, `people/${personId}/business-interests`, APPLICATION, { headers });
      expect(again.body).toEqual(first.body);
      expect(await eventsOf(personId)).toHaveLength(1);
    });
  });
});
