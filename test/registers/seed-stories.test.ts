/**
 * The register stories of the seed documents, end to end over HTTP:
 * - seed 002 (IOPC, Hertfordshire 2023): an officer searched police systems about his
 *   neighbour; under the BCH policy he declares the conflict to a supervisor, who searches
 *   instead. The audit finding and the declaration both land in his integrity record.
 * - seed 004 (HMIC, Hampshire 2014): offers refused at the time and offers not approved by a
 *   manager are recorded and told apart, items go to charity, and each business interest
 *   approval needs renewing every year.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import type { TestApp } from '../support/app';
import { bearer } from '../http/support';
import { post, startCasesApp } from '../cases/support';

describe('register stories from the seed documents', () => {
  let app: TestApp;
  let lastPosition = '0';

  beforeAll(async () => {
    app = await startCasesApp();
  });

  afterAll(async () => {
    await app.close();
  });

  async function record(personId: string, path: string, body: object, force = 'HERTFORDSHIRE'): Promise<Response> {
    const response = await post(app, `people/${personId}/${path}`, body, { force, role: 'ACU_INVESTIGATOR' });
    expect(response.status).toBe(201);
    lastPosition = String(response.headers['x-ledger-position']);
    return response;
  }

  async function integrityRecord(personId: string, force: string, today: string): Promise<Response> {
    jest.spyOn(app.app.get<Clock>(CLOCK), 'today').mockReturnValue(today);
    return app
      .http()
      .get(`/api/v1/people/${personId}/integrity-record`)
      .set('Authorization', bearer(app.config, { roles: ['PSD_INVESTIGATOR'], force }))
      .set('X-Access-Purpose', 'Learning review of the neighbour complaint')
      .set('X-Wait-For-Position', lastPosition);
  }

  it('Hertfordshire: the neighbour searched on police systems, then the conflict declared and searched by the supervisor', async () => {
    const officer = randomUUID();
    const lineManager = randomUUID();
    await record(officer, 'system-access-findings', { system: 'Force intelligence system', on: '2022-06-14', recordsViewed: 2, policingPurposeFound: false });
    const declaration = {
      declaredOn: '2023-05-02',
      nature: 'NEIGHBOUR',
      declaredTo: lineManager,
      action: 'SUPERVISOR_TO_SEARCH',
      details: 'Concerns about activity at a neighbour’s address (BCH policy 2.2.10)',
    };
    await record(officer, 'conflicts-of-interest', declaration);

    const response = await integrityRecord(officer, 'HERTFORDSHIRE', '2023-05-03');
    expect(response.status).toBe(200);
    expect(response.body.conflictsOfInterest).toEqual([{ ...declaration, eventId: expect.any(String) }]);
    expect(response.body.signals).toEqual([{ kind: 'SYSTEM_ACCESS_WITHOUT_POLICING_PURPOSE', reference: expect.any(String), on: '2022-06-14' }]);
  });

  it('Hampshire: refused offers recorded and told apart, an item re-gifted to charity, and the yearly renewal of a business interest', async () => {
    const member = randomUUID();
    const offer = (decision: string, kind = 'GIFT') => ({ offeredOn: '2013-12-18', kind, estimatedValuePence: 3000, offeredBy: 'A local firm', decision });
    for (const decision of ['DECLINED_AT_TIME', 'NOT_APPROVED_BY_MANAGER', 'REGIFTED_TO_CHARITY', 'ACCEPTED_ON_BEHALF_OF_FORCE'])
      await record(member, 'gifts-and-hospitality', offer(decision), 'HAMPSHIRE');
    const refusedHospitality = await post(app, `people/${member}/gifts-and-hospitality`, offer('REGIFTED_TO_CHARITY', 'HOSPITALITY'), { force: 'HAMPSHIRE' });
    expect(refusedHospitality.body.rule).toBe('hospitalityCannotBeRegifted');

    const applied = await record(
      member,
      'business-interests',
      { appliedOn: '2013-03-01', nature: 'SECONDARY_EMPLOYMENT', details: 'Part-time tutor' },
      'HAMPSHIRE',
    );
    const interest = String(applied.body.businessInterestId);
    await record(member, `business-interests/${interest}/decision`, { decision: 'APPROVED', decidedOn: '2013-04-01' }, 'HAMPSHIRE');

    const beforeRenewal = await integrityRecord(member, 'HAMPSHIRE', '2014-04-02');
    expect(beforeRenewal.body.giftsAndHospitality.map((gift: { decision: string }) => gift.decision)).toEqual([
      'DECLINED_AT_TIME',
      'NOT_APPROVED_BY_MANAGER',
      'REGIFTED_TO_CHARITY',
      'ACCEPTED_ON_BEHALF_OF_FORCE',
    ]);
    expect(beforeRenewal.body.signals).toEqual([{ kind: 'BUSINESS_INTEREST_REVIEW_OVERDUE', reference: interest, on: '2014-04-01' }]);

    await record(member, `business-interests/${interest}/review`, { reviewedOn: '2014-04-03' }, 'HAMPSHIRE');
    const renewed = await integrityRecord(member, 'HAMPSHIRE', '2014-04-04');
    expect(renewed.body.signals).toEqual([]);
    expect(renewed.body.businessInterests).toEqual([
      expect.objectContaining({ businessInterestId: interest, lastReviewedOn: '2014-04-03', reviewDueOn: '2015-04-03' }),
    ]);
  });
});
