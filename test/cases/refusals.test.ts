/**
 * What a case command answers when it cannot append, and that it then appends nothing:
 * 422 naming the rule, 400 naming the fields, 404 for an unknown case, 409 for a stale
 * If-Match or a taken case id.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { referralBody, subjectBody } from './every-route';
import { eventsOf, post, PROBLEM_JSON, serviceForThisFile } from './support';

describe('refused case commands', () => {
  const service = serviceForThisFile();

  /** A HAMPSHIRE case with one constable. */
  async function openCase(): Promise<{ caseId: string; subjectId: string }> {
    const caseId = randomUUID();
    const subjectId = randomUUID();
    expect((await post(service.app, 'cases', referralBody(caseId))).status).toBe(201);
    expect((await post(service.app, `cases/${caseId}/subjects`, subjectBody(subjectId))).status).toBe(201);
    return { caseId, subjectId };
  }

  /** Sends, expects `status`, and expects the case's `count` events to be all it still has. */
  async function expectNothingAppendedAfter(caseId: string, count: number, send: () => Promise<Response>, status: number): Promise<Response> {
    const before = await eventsOf(service.app, caseId);
    expect(before).toHaveLength(count);
    const response = await send();
    expect(response.status).toBe(status);
    expect(await eventsOf(service.app, caseId)).toEqual(before);
    return response;
  }

  describe('a rule of the process', () => {
    it('refuses a barred-list entry without a dismissal with 422 naming the rule, and appends nothing', async () => {
      const { caseId, subjectId } = await openCase();
      const response = await expectNothingAppendedAfter(
        caseId,
        2,
        () => post(service.app, `cases/${caseId}/subjects/${subjectId}/barred-list`, { on: '2021-06-01', basis: 'DISMISSED' }),
        422,
      );
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ status: 422, rule: 'barredListNeedsDismissal' });
      expect(response.body.detail).toMatch(/^barredListNeedsDismissal: /);
    });

    it('says beside a refusal that rests on a partly confirmed fact that it is not confirmed law (meetingNotForSeniorOfficers)', async () => {
      const caseId = randomUUID();
      const subjectId = randomUUID();
      expect((await post(service.app, 'cases', referralBody(caseId))).status).toBe(201);
      const senior = subjectBody(subjectId, { rank: 'ASSISTANT_CHIEF_CONSTABLE' });
      expect((await post(service.app, `cases/${caseId}/subjects`, senior)).status).toBe(201);
      const investigation = { investigatorId: randomUUID(), startedOn: '2021-03-22', termsOfReference: 'Audit and interviews.' };
      expect((await post(service.app, `cases/${caseId}/investigation`, investigation)).status).toBe(201);
      expect((await post(service.app, `cases/${caseId}/investigation-report`, { on: '2021-08-01' })).status).toBe(201);
      const decision = { decision: 'CASE_TO_ANSWER_MISCONDUCT', decidedBy: 'APPROPRIATE_AUTHORITY', on: '2021-08-10' };
      const decided = await post(service.app, `cases/${caseId}/subjects/${subjectId}/case-to-answer`, decision, { role: 'APPROPRIATE_AUTHORITY' });
      expect(decided.status).toBe(201);
      const meeting = { kind: 'MISCONDUCT_MEETING', noticeServedOn: '2021-08-20', scheduledFor: '2021-09-10' };
      const response = await expectNothingAppendedAfter(caseId, 5, () => post(service.app, `cases/${caseId}/subjects/${subjectId}/proceedings`, meeting), 422);
      expect(response.body).toMatchObject({ status: 422, rule: 'meetingNotForSeniorOfficers', confidence: 'PARTLY_CONFIRMED' });
      expect(response.body.detail).toMatch(/◐ partly confirmed/);
      // A rule on a confirmed fact carries no mark.
      const barred = await post(service.app, `cases/${caseId}/subjects/${subjectId}/barred-list`, { on: '2021-09-01', basis: 'DISMISSED' });
      expect(barred.body).toMatchObject({ status: 422, rule: 'barredListNeedsDismissal' });
      expect(barred.body).not.toHaveProperty('confidence');
    });

    it('refuses a step for a subject the case does not have with 422 subjectMustExist', async () => {
      const { caseId } = await openCase();
      const response = await post(service.app, `cases/${caseId}/subjects/${randomUUID()}/notices`, { servedOn: '2021-03-25' });
      expect(response.status).toBe(422);
      expect(response.body.detail).toMatch(/subjectMustExist/);
    });

    it('refuses to reopen a case that is open with 422 caseNotClosed', async () => {
      const { caseId } = await openCase();
      const response = await post(service.app, `cases/${caseId}/reopen`, { on: '2021-06-01', reason: 'New evidence.' });
      expect(response.status).toBe(422);
      expect(response.body.rule).toBe('caseNotClosed');
    });
  });

  describe('invalid input', () => {
    const cases: [string, (ids: { caseId: string; subjectId: string }) => [string, object], string[]][] = [
      ['a date that is not in the calendar', (ids) => [`cases/${ids.caseId}/subjects/${ids.subjectId}/notices`, { servedOn: '2021-02-30' }], ['servedOn']],
      [
        'an instant where a date is due',
        (ids) => [`cases/${ids.caseId}/subjects/${ids.subjectId}/notices`, { servedOn: '2021-03-25T10:00:00Z' }],
        ['servedOn'],
      ],
      ['an unknown field', (ids) => [`cases/${ids.caseId}/investigation-report`, { on: '2021-08-01', by: 'someone' }], ['by']],
      [
        'a missing field and a value outside the enumeration',
        (ids) => [`cases/${ids.caseId}/progress-reports`, { to: 'PRESS', on: '2021-08-01' }],
        ['to', 'kind'],
      ],
      ['null for an optional field', (ids) => [`cases/${ids.caseId}/subjects`, { ...subjectBody(randomUUID()), grade: null }], ['grade']],
      ['blank text', (ids) => [`cases/${ids.caseId}/close`, { on: '2021-08-01', reason: '   ' }], ['reason']],
      ['a path id that is not a UUID', (ids) => [`cases/${ids.caseId}/subjects/officer-1/notices`, { servedOn: '2021-03-25' }], ['subjectId']],
      [
        'an unknown action',
        (ids) => [`cases/${ids.caseId}/subjects/${ids.subjectId}/suspension`, { action: 'PAUSE', on: '2021-03-25', reason: 'x' }],
        ['action'],
      ],
      [
        'a field of another action (result when lodging an appeal)',
        (ids) => [`cases/${ids.caseId}/subjects/${ids.subjectId}/appeals`, { action: 'LODGE', forum: 'INTERNAL', on: '2021-03-25', result: 'ALLOWED' }],
        ['result'],
      ],
      [
        'a field DETERMINE needs, left out',
        (ids) => [`cases/${ids.caseId}/subjects/${ids.subjectId}/appeals`, { action: 'DETERMINE', forum: 'INTERNAL', on: '2021-03-25' }],
        ['result'],
      ],
      [
        'a bad nested finding',
        (ids) => [
          `cases/${ids.caseId}/subjects/${ids.subjectId}/outcome`,
          {
            on: '2021-10-01',
            findings: [{ standard: 'CONFIDENTIALITY', proven: 'yes', level: 'GROSS_MISCONDUCT' }],
            outcome: 'WRITTEN_WARNING',
            formerOfficer: false,
            chair: 'OTHER',
          },
        ],
        ['findings.0.proven'],
      ],
      [
        'a repeated list value',
        (ids) => [`cases/${ids.caseId}/subjects/${ids.subjectId}/arrests`, { arrestedOn: '2021-04-01', suspectedOffences: ['ASSAULT', 'ASSAULT'] }],
        ['suspectedOffences'],
      ],
    ];

    it.each(cases)('answers %s with 400 naming the fields, and appends nothing', async (_title, request, fields) => {
      const ids = await openCase();
      const [path, body] = request(ids);
      const response = await expectNothingAppendedAfter(ids.caseId, 2, () => post(service.app, path, body), 400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect([...new Set((response.body.errors as { field: string }[]).map((error) => error.field))].sort()).toEqual([...fields].sort());
    });

    it('answers a referral with a force that is not a force code with 400', async () => {
      const response = await post(service.app, 'cases', referralBody(randomUUID(), { force: 'hampshire police' }));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'force', message: expect.any(String) }]);
    });
  });

  describe('an unknown case', () => {
    it.each([
      ['a step', 'investigation-report', { on: '2021-08-01' }],
      ['reopening', 'reopen', { on: '2021-08-01', reason: 'New evidence.' }],
    ])('answers %s with 404 and creates no stream', async (_title, path, body) => {
      const caseId = randomUUID();
      const response = await post(service.app, `cases/${caseId}/${path}`, body);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(await eventsOf(service.app, caseId)).toEqual([]);
    });
  });

  describe('concurrency', () => {
    it('answers a stale If-Match with 409 and the current revision, and appends nothing', async () => {
      const { caseId } = await openCase();
      const response = await expectNothingAppendedAfter(
        caseId,
        2,
        () => post(service.app, `cases/${caseId}/learning`, { on: '2021-08-01', kind: 'FORCE_ACTION', text: 'x' }, { headers: { 'If-Match': '"0"' } }),
        409,
      );
      expect(response.body).toMatchObject({ status: 409, currentRevision: 1 });
    });

    it('answers 409 for a stale If-Match before judging the command by rules the client decided on an older case', async () => {
      const { caseId } = await openCase();
      const response = await post(service.app, `cases/${caseId}/reopen`, { on: '2021-08-01', reason: 'x' }, { headers: { 'If-Match': '"0"' } });
      expect(response.status).toBe(409);
    });

    it('appends when If-Match is the current revision, and answers the new one', async () => {
      const { caseId } = await openCase();
      const learning = { on: '2021-08-01', kind: 'FORCE_ACTION', text: 'x' };
      const response = await post(service.app, `cases/${caseId}/learning`, learning, { headers: { 'If-Match': '"1"' } });
      expect(response.status).toBe(201);
      expect(response.body.revision).toBe(2);
      expect(response.headers.etag).toBe('"2"');
    });

    it('answers a referral for a case id that is taken with 409 naming caseAlreadyExists, and appends nothing', async () => {
      const { caseId } = await openCase();
      const response = await expectNothingAppendedAfter(caseId, 2, () => post(service.app, 'cases', referralBody(caseId)), 409);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body.detail).toMatch(/^caseAlreadyExists: /);
    });

    it('lets one of two simultaneous referrals with the same case id open the case, and answers the other 409', async () => {
      const caseId = randomUUID();
      const responses = await Promise.all([post(service.app, 'cases', referralBody(caseId)), post(service.app, 'cases', referralBody(caseId))]);
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      expect(await eventsOf(service.app, caseId)).toHaveLength(1);
    });
  });

  describe('a referral without a case id', () => {
    it('opens a case under a new UUID', async () => {
      const { caseId: _unused, ...body } = referralBody(randomUUID());
      const response = await post(service.app, 'cases', body);
      expect(response.status).toBe(201);
      expect(response.body.caseId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const [event] = await eventsOf(service.app, response.body.caseId);
      expect(event.data.caseId).toBe(response.body.caseId);
    });

    it('names the same case again when retried with the same Idempotency-Key, and opens it once', async () => {
      const { caseId: _unused, ...body } = referralBody(randomUUID());
      const headers = { 'Idempotency-Key': randomUUID() };
      const first = await post(service.app, 'cases', body, { headers });
      const retry = await post(service.app, 'cases', body, { headers });
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await eventsOf(service.app, first.body.caseId)).toHaveLength(1);
    });
  });

  describe('the event metadata', () => {
    it("stamps occurredAt from the event's own date at midnight UTC, and the actor", async () => {
      const { caseId, subjectId } = await openCase();
      await post(service.app, `cases/${caseId}/investigation`, { investigatorId: randomUUID(), startedOn: '2021-03-22', termsOfReference: 'x' });
      await post(service.app, `cases/${caseId}/subjects/${subjectId}/notices`, { servedOn: '2021-03-25' });
      const [referral, , , notice] = await eventsOf(service.app, caseId);
      expect(referral.metadata).toMatchObject({ occurredAt: '2021-03-01T00:00:00.000Z', schemaVersion: 1 });
      expect(notice.metadata).toMatchObject({
        occurredAt: '2021-03-25T00:00:00.000Z',
        actor: { userId: 'psd_investigator-1', roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' },
      });
    });

    it('stamps the time of the request on an event that has no date of its own', async () => {
      const before = new Date().toISOString();
      const { caseId } = await openCase();
      const after = new Date().toISOString();
      const [, subjectAdded] = await eventsOf(service.app, caseId);
      const occurredAt = String(subjectAdded.metadata.occurredAt);
      expect(occurredAt >= before && occurredAt <= after).toBe(true);
    });
  });
});
