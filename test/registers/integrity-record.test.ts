/**
 * GET /people/{personId}/integrity-record over real HTTP: the registers recorded through
 * the command routes, read back through the projection with the signals judged against the
 * service's clock, and who may read it.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Role } from '../../src/http/roles';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import type { TestApp } from '../support/app';
import { bearer } from '../http/support';
import { post, startCasesApp } from '../cases/support';

const PURPOSE = 'Annual review of business interests for the ACU';

describe('the integrity record', () => {
  let app: TestApp;
  let lastPosition = '';

  beforeAll(async () => {
    app = await startCasesApp();
    jest.spyOn(app.app.get<Clock>(CLOCK), 'today').mockReturnValue('2024-04-10');
  });

  afterAll(async () => {
    await app.close();
  });

  async function record(personId: string, path: string, body: object, force?: string): Promise<Response> {
    const response = await post(app, `people/${personId}/${path}`, body, { force });
    expect(response.status).toBe(201);
    lastPosition = String(response.headers['x-ledger-position']);
    return response;
  }

  function read(personId: string, reader: { roles?: Role[]; force?: string; userId?: string } = {}, purpose: string | null = PURPOSE): Promise<Response> {
    const request = app
      .http()
      .get(`/api/v1/people/${personId}/integrity-record`)
      .set('Authorization', bearer(app.config, { roles: reader.roles ?? ['ACU_INVESTIGATOR'], force: reader.force ?? 'HAMPSHIRE', userId: reader.userId }))
      .set('X-Wait-For-Position', lastPosition);
    return purpose === null ? request : request.set('X-Access-Purpose', purpose);
  }

  /** A person with one of everything that signals, as of 10 April 2024. */
  async function personWithSignals(): Promise<{ personId: string; dueSoon: string; overdue: string; declined: string; associationId: string }> {
    const personId = randomUUID();
    const interest = async (appliedOn: string, decision: string, decidedOn: string): Promise<string> => {
      const applied = await record(personId, 'business-interests', { appliedOn, nature: 'SECONDARY_EMPLOYMENT', details: 'Second job' });
      const id = String(applied.body.businessInterestId);
      await record(personId, `business-interests/${id}/decision`, { decision, decidedOn });
      return id;
    };
    const dueSoon = await interest('2023-04-01', 'APPROVED', '2023-04-20');
    const overdue = await interest('2022-12-01', 'APPROVED', '2023-01-10');
    const declined = await interest('2023-05-01', 'DECLINED', '2023-05-15');
    await record(personId, `business-interests/${declined}/compliance-checks`, { checkedOn: '2024-03-01', result: 'DECLINED_INTEREST_CONTINUING' });
    const declared = await record(personId, 'associations', { declaredOn: '2023-02-01', nature: 'FRIEND', person: 'A friend with convictions' });
    await record(personId, 'drug-tests', { testedOn: '2024-02-02', kind: 'RANDOM', result: 'POSITIVE' });
    await record(personId, 'drug-tests', { testedOn: '2024-02-03', kind: 'RANDOM', result: 'NEGATIVE' });
    await record(personId, 'system-access-findings', { system: 'Niche RMS', on: '2024-01-05', recordsViewed: 3, policingPurposeFound: false });
    await record(personId, 'system-access-findings', { system: 'PNC', on: '2024-01-06', recordsViewed: 1, policingPurposeFound: true });
    return { personId, dueSoon, overdue, declined, associationId: String(declared.body.associationId) };
  }

  it('shows reviews falling due and overdue, declined interests continuing, positive tests and access without a policing purpose', async () => {
    const { personId, dueSoon, overdue, declined, associationId } = await personWithSignals();
    const response = await read(personId);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ personId, force: 'HAMPSHIRE', asOf: '2024-04-10' });
    expect(response.body.signals).toEqual([
      { kind: 'BUSINESS_INTEREST_REVIEW_DUE', reference: dueSoon, on: '2024-04-20' },
      { kind: 'BUSINESS_INTEREST_REVIEW_OVERDUE', reference: overdue, on: '2024-01-10' },
      { kind: 'DECLINED_INTEREST_CONTINUING', reference: declined, on: '2024-03-01' },
      { kind: 'ASSOCIATION_REVIEW_OVERDUE', reference: associationId, on: '2024-02-01' },
      { kind: 'POSITIVE_DRUG_TEST', reference: expect.any(String), on: '2024-02-02' },
      { kind: 'SYSTEM_ACCESS_WITHOUT_POLICING_PURPOSE', reference: expect.any(String), on: '2024-01-05' },
    ]);
    expect(response.body.businessInterests.map((interest: { status: string }) => interest.status)).toEqual(['APPROVED', 'APPROVED', 'DECLINED']);
    expect(response.body.drugTests).toHaveLength(2);
  });

  it('clears a review once it is recorded', async () => {
    const { personId, overdue } = await personWithSignals();
    await record(personId, `business-interests/${overdue}/review`, { reviewedOn: '2024-04-09' });
    const { signals, businessInterests } = (await read(personId)).body as {
      signals: { reference: string }[];
      businessInterests: { businessInterestId: string; reviewDueOn: string }[];
    };
    expect(signals.filter((signal) => signal.reference === overdue)).toEqual([]);
    expect(businessInterests.find((interest) => interest.businessInterestId === overdue)?.reviewDueOn).toBe('2025-04-09');
  });

  describe('who may read it, and why', () => {
    let personId: string;
    beforeAll(async () => {
      personId = randomUUID();
      await record(personId, 'drug-tests', { testedOn: '2024-02-02', kind: 'RANDOM', result: 'NEGATIVE' });
    });

    it('needs a stated purpose of at least ten characters (400)', async () => {
      expect((await read(personId, {}, null)).status).toBe(400);
      const short = await read(personId, {}, 'checking');
      expect(short.status).toBe(400);
      expect(short.body.errors).toEqual([expect.objectContaining({ field: 'X-Access-Purpose' })]);
    });

    it.each<Role>(['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY', 'DCC', 'INSPECTOR', 'AUDITOR'])('lets %s read it', async (role) => {
      expect((await read(personId, { roles: [role] })).status).toBe(200);
    });

    it('refuses ADMIN (403)', async () => {
      expect((await read(personId, { roles: ['ADMIN'] })).status).toBe(403);
    });

    it("answers 404 to another force's reader, as for a person with no record; a national reader sees it", async () => {
      expect((await read(personId, { force: 'KENT' })).status).toBe(404);
      expect((await read(randomUUID())).status).toBe(404);
      expect((await read(personId, { force: '*', roles: ['INSPECTOR'] })).status).toBe(200);
    });

    it('refuses the person their own record (403), whatever their role', async () => {
      const response = await read(personId, { userId: personId, roles: ['ACU_INVESTIGATOR'] });
      expect(response.status).toBe(403);
    });

    it('is documented with its purpose header', async () => {
      const docs = (await app.http().get('/api/docs-json')).body as { paths: Record<string, { get?: { parameters: { name: string; required: boolean }[] } }> };
      const operation = docs.paths['/api/v1/people/{personId}/integrity-record']?.get;
      expect(operation?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'X-Access-Purpose', required: true })]));
    });
  });
});
