/**
 * Proceedings recorded over HTTP step by step, as a professional standards department records
 * them: each step posted to its route, reads waiting for the last write.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Role } from '../../src/http/roles';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import type { TestApp } from '../support/app';
import { bearer } from '../http/support';
import { referralBody, subjectBody } from '../cases/every-route';
import { post } from '../cases/support';

export const PURPOSE = 'Professional standards review of the proceedings';

export interface DeadlineRead {
  rule: string;
  subjectId?: string;
  startsOn: string;
  dueOn: string;
  earliestOn?: string;
  metOn: string | null;
  overdue: boolean;
  outOfTime: boolean;
  confidence: string;
  source: string;
  unconfirmed?: string;
}

export class ProceedingsRecorder {
  /** The position of the last event written, to read it back. */
  position = '0';

  constructor(
    private readonly app: TestApp,
    readonly force = 'HAMPSHIRE',
  ) {}

  /** POST under /api/v1; it must be answered `expected` (201 by default). */
  async post(path: string, body: Record<string, unknown>, expected = 201, role?: Role): Promise<Response> {
    const response = await post(this.app, path, body, { force: this.force, role });
    if (response.status !== expected) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    if (response.status === 201) this.position = String(response.headers['x-ledger-position']);
    return response;
  }

  /** A step of `subjectId` in `caseId` (`route` under cases/{caseId}/subjects/{subjectId}/). */
  subjectStep(caseId: string, subjectId: string, route: string, body: Record<string, unknown>, expected = 201): Promise<Response> {
    return this.post(`cases/${caseId}/subjects/${subjectId}/${route}`, body, expected, route === 'case-to-answer' ? 'APPROPRIATE_AUTHORITY' : undefined);
  }

  /** A case of gross misconduct (or misconduct) against one officer of `rank`, investigated and decided to answer. */
  async caseToAnswer(options: {
    personId?: string;
    rank?: string;
    level: 'MISCONDUCT' | 'GROSS_MISCONDUCT';
    receivedOn: string;
    reportOn: string;
    decidedOn: string;
  }): Promise<{ caseId: string; subjectId: string; personId: string }> {
    const caseId = randomUUID();
    const subjectId = randomUUID();
    const personId = options.personId ?? randomUUID();
    await this.post('cases', referralBody(caseId, { force: this.force, receivedOn: options.receivedOn }));
    await this.post(`cases/${caseId}/subjects`, subjectBody(subjectId, { personId, rank: options.rank ?? 'CONSTABLE' }));
    await this.subjectStep(
      caseId,
      subjectId,
      'severity-assessments',
      { level: options.level, assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'Disclosure of logs.' },
      201,
    );
    await this.post(`cases/${caseId}/investigation`, {
      investigatorId: randomUUID(),
      startedOn: options.receivedOn,
      termsOfReference: 'Audit and interviews.',
    });
    await this.post(`cases/${caseId}/investigation-report`, { on: options.reportOn });
    const decision = options.level === 'GROSS_MISCONDUCT' ? 'CASE_TO_ANSWER_GROSS_MISCONDUCT' : 'CASE_TO_ANSWER_MISCONDUCT';
    await this.subjectStep(caseId, subjectId, 'case-to-answer', { decision, decidedBy: 'APPROPRIATE_AUTHORITY', on: options.decidedOn });
    return { caseId, subjectId, personId };
  }

  /** GET under /api/v1 as `role` of the force, once the read models have the last write. */
  read(path: string, role: Role = 'DCC'): Promise<Response> {
    return this.app
      .http()
      .get(`/api/v1/${path}`)
      .set('Authorization', bearer(this.app.config, { userId: 'proceedings-reader', roles: [role], force: this.force }))
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', this.position);
  }

  async deadlines(caseId: string): Promise<DeadlineRead[]> {
    const response = await this.read(`cases/${caseId}/timeliness`);
    if (response.status !== 200) throw new Error(`timeliness: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.deadlines as DeadlineRead[];
  }

  async history(caseId: string): Promise<string[]> {
    const response = await this.read(`cases/${caseId}/history`);
    if (response.status !== 200) throw new Error(`history: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body.events as { type: string }[]).map((event) => event.type);
  }

  /** The service's day, for judging what is overdue. */
  today(day: string): void {
    jest.spyOn(this.app.app.get<Clock>(CLOCK, { strict: false }), 'today').mockReturnValue(day);
  }
}

/** The clock of `rule`, as the timeliness read lists it. */
export function clockOf(deadlines: readonly DeadlineRead[], rule: string): DeadlineRead {
  const found = deadlines.filter((deadline) => deadline.rule === rule);
  if (found.length !== 1) throw new Error(`expected one ${rule} clock, found ${found.length}: ${JSON.stringify(deadlines.map((deadline) => deadline.rule))}`);
  return found[0];
}
