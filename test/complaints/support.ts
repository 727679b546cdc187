/**
 * A complaint recorded over HTTP step by step, as a complaints team would: the case opened as
 * a COMPLAINT, then each step posted to its route; reads wait for the last write.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Role } from '../../src/http/roles';
import type { TestApp } from '../support/app';
import { bearer } from '../http/support';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';

export const PURPOSE = 'Complaints team review of the case';

export interface ComplaintAllegation {
  category: string;
  incidentOn: string;
}

export class ComplaintRecorder {
  /** The position of the last event written, to read it back. */
  position = '0';

  constructor(
    private readonly app: TestApp,
    readonly force: string,
  ) {}

  /** POST a step; it must be accepted (201) unless `expected` says otherwise. */
  async step(caseId: string, route: string, body: Record<string, unknown>, expected = 201, role?: Role): Promise<Response> {
    const response = await post(this.app, route === '' ? 'cases' : `cases/${caseId}/${route}`, body, { force: this.force, role });
    if (response.status !== expected) throw new Error(`${route}: ${response.status} ${JSON.stringify(response.body)}`);
    if (response.status === 201) this.position = String(response.body.position);
    return response;
  }

  /** Opens a complaint made on `madeOn` and logs it that day with its allegations. */
  async logged(
    madeOn: string,
    allegations: readonly ComplaintAllegation[],
    options: { anonymous?: boolean; characteristics?: Record<string, string> } = {},
  ): Promise<string> {
    const caseId = randomUUID();
    await this.step(
      caseId,
      '',
      referralBody(caseId, { force: this.force, receivedOn: madeOn, caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT', corruptionCategories: [] }),
    );
    const anonymous = options.anonymous === true;
    await this.step(caseId, 'complaint', {
      loggedOn: madeOn,
      anonymous,
      ...(anonymous
        ? {}
        : {
            complainantDetails: 'C. Omplainant, 2 Church Lane',
            protectedCharacteristics: JSON.stringify(
              options.characteristics ?? { gender: 'MALE', ageBand: '25_34', ethnicity: 'BLACK', disability: 'NOT_DISABLED' },
            ),
          }),
      allegations: allegations.map((allegation) => ({ allegationId: randomUUID(), ...allegation })),
    });
    return caseId;
  }

  contacted(caseId: string, on: string): Promise<Response> {
    return this.step(caseId, 'complaint/contact', { on });
  }

  handled(caseId: string, on: string, handling: 'OUTSIDE_SCHEDULE_3' | 'RECORDED_UNDER_SCHEDULE_3', expected = 201): Promise<Response> {
    return this.step(
      caseId,
      'complaint/handling',
      { on, handling, complainantWantsRecorded: handling === 'RECORDED_UNDER_SCHEDULE_3', schedule3Grounds: [] },
      expected,
    );
  }

  handledOtherwise(caseId: string, on: string, outcome: string, expected = 201): Promise<Response> {
    return this.step(caseId, 'complaint/handled-otherwise', { on, outcome }, expected);
  }

  outcome(caseId: string, on: string, reviewBody?: 'IOPC' | 'LOCAL_POLICING_BODY'): Promise<Response> {
    return this.step(caseId, 'complaint/outcome', reviewBody === undefined ? { on } : { on, reviewBody });
  }

  async reviewed(caseId: string, appliedOn: string, decidedOn: string, result: 'UPHELD' | 'NOT_UPHELD'): Promise<void> {
    await this.step(caseId, 'complaint/review', { on: appliedOn });
    await this.step(caseId, 'complaint/review/decision', { on: decidedOn, result, recommendationsMade: result === 'UPHELD' });
  }

  /** GET under /api/v1 as `role` of the force, once the read models have the last write. */
  read(path: string, options: { role?: Role; accept?: string } = {}): Promise<Response> {
    const request = this.app
      .http()
      .get(`/api/v1/${path}`)
      .set('Authorization', bearer(this.app.config, { userId: 'complaints-reader', roles: [options.role ?? 'DCC'], force: this.force }))
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', this.position);
    if (options.accept !== undefined) request.set('Accept', options.accept);
    return request;
  }
}
