/**
 * Issue 11, item 1: a day the read models cannot hold (year 0, or 9999-12-31, whose next
 * day cannot be written YYYY-MM-DD) was accepted and then stopped three projections for
 * every force. Days outside the plausible range are refused at the edge, in the body of
 * every slice and in the query of every read, and nothing is appended.
 */
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { everyRoute, pathOf as casePathOf, referralBody, subjectBody, walkIds } from '../cases/every-route';
import { everyRegisterRoute, pathOf as registerPathOf, registerIds } from '../registers/every-route';
import { FORCE, post, PROBLEM_JSON, serviceForThisFile } from '../cases/support';
import { bearer } from '../http/support';
import type { Role } from '../../src/http/roles';

const PURPOSE = 'Checking the case for the monthly DCC meeting';

describe('days outside the plausible range', () => {
  const service = serviceForThisFile();

  const head = async (): Promise<string> => formatPosition(await service.app.app.get(EventStore).headPosition());

  async function expectRefusedWithNothingAppended(path: string, body: unknown, field: string): Promise<void> {
    const before = await head();
    const response = await post(service.app, path, body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(JSON.stringify(response.body.errors)).toContain(field);
    expect(await head()).toBe(before);
  }

  async function openCase(overrides: Record<string, unknown> = {}): Promise<{ caseId: string; subjectId: string; position: string }> {
    const caseId = randomUUID();
    const subjectId = randomUUID();
    expect((await post(service.app, 'cases', referralBody(caseId, overrides))).status).toBe(201);
    const added = await post(service.app, `cases/${caseId}/subjects`, subjectBody(subjectId));
    expect(added.status).toBe(201);
    return { caseId, subjectId, position: added.body.position };
  }

  it('refuses a referral received in year 0 and appends nothing', async () => {
    await expectRefusedWithNothingAppended('cases', referralBody(randomUUID(), { receivedOn: '0000-01-01' }), 'receivedOn');
  });

  it('refuses days just outside the default range, 1900-01-01 to 2100-12-31', async () => {
    await expectRefusedWithNothingAppended('cases', referralBody(randomUUID(), { receivedOn: '1899-12-31' }), 'receivedOn');
    await expectRefusedWithNothingAppended('cases', referralBody(randomUUID(), { receivedOn: '2101-01-01' }), 'receivedOn');
  });

  it('refuses a departure dated 9999-12-31 and appends nothing', async () => {
    const { caseId, subjectId } = await openCase();
    await expectRefusedWithNothingAppended(
      `cases/${caseId}/subjects/${subjectId}/departure`,
      { how: 'RESIGNED', on: '9999-12-31', approvedByDcc: false },
      'on',
    );
  });

  /** Every field of a body that holds a day, at any depth, as a path and a setter. */
  function dayFields(body: unknown, path: string[] = []): string[][] {
    if (typeof body === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(body) ? [path] : [];
    if (body === null || typeof body !== 'object') return [];
    return Object.entries(body).flatMap(([key, value]) => dayFields(value, [...path, key]));
  }

  function withDay(body: unknown, path: string[], day: string): unknown {
    if (path.length === 0) return day;
    const copy = (Array.isArray(body) ? [...body] : { ...(body as Record<string, unknown>) }) as Record<string, unknown>;
    copy[path[0]] = withDay(copy[path[0]], path.slice(1), day);
    return copy;
  }

  it('refuses 0000-01-01 and 9999-12-31 in every day field of every command body of every slice', async () => {
    const ids = walkIds();
    const registerIdsOf = registerIds();
    const recommendationId = randomUUID();
    const bodies: Array<{ path: string; body: unknown; role?: Role }> = [
      // A correction's replacement is checked against the corrected event, so on a case that has it (below).
      ...everyRoute(ids)
        .filter((step) => step.event !== 'RecordCorrected')
        .map((step) => ({
          path: casePathOf(step, ids),
          body: typeof step.body === 'function' ? step.body(() => randomUUID()) : step.body,
          role: step.role ?? 'ACU_INVESTIGATOR',
        })),
      ...everyRegisterRoute(registerIdsOf).map((step) => ({ path: registerPathOf(step.route, registerIdsOf), body: step.body })),
      {
        path: 'recommendations',
        body: { source: 'IOPC', madeOn: '2023-03-01', dueOn: '2023-09-01', text: 'Write a conflict of interest policy.' },
        role: 'DCC',
      },
      { path: `recommendations/${recommendationId}/response`, body: { respondedOn: '2023-04-01', accepted: true, response: 'We will.' } },
      { path: `recommendations/${recommendationId}/actions`, body: { on: '2023-05-01', action: 'Drafted the policy.' } },
      { path: `recommendations/${recommendationId}/complete`, body: { completedOn: '2023-06-01' } },
      {
        path: `workforce/${FORCE}/returns`,
        body: { asAt: '2014-03-31', officers: 3482, staff: 2010, specials: 350, volunteers: 120, inPsdOrAcu: 55 },
        role: 'ADMIN',
      },
    ];
    let checked = 0;
    for (const { path, body, role } of bodies) {
      for (const field of dayFields(body)) {
        for (const day of ['0000-01-01', '9999-12-31']) {
          const before = await head();
          const response = await post(service.app, path, withDay(body, field, day), { role });
          expect({ path, field: field.join('.'), day, status: response.status }).toEqual({ path, field: field.join('.'), day, status: 400 });
          expect(response.body.errors).toEqual([expect.objectContaining({ field: field.join('.') })]);
          expect(await head()).toBe(before);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('refuses an extreme day in the replacement of a correction and appends nothing', async () => {
    const { caseId } = await openCase();
    const learning = await post(service.app, `cases/${caseId}/learning`, { on: '2022-01-20', kind: 'FORCE_ACTION', text: 'Audit look-ups monthly.' });
    expect(learning.status).toBe(201);
    const [learnt] = learning.body.events as Array<{ eventId: string }>;
    for (const day of ['0000-01-01', '9999-12-31']) {
      const before = await head();
      const response = await post(service.app, `cases/${caseId}/corrections`, {
        correctsEventId: learnt.eventId,
        reason: 'The day was mistyped.',
        replacement: { on: day, kind: 'FORCE_ACTION', text: 'Audit look-ups monthly.' },
      });
      expect(response.status).toBe(422);
      expect(response.body.detail).toContain('1900-01-01 to 2100-12-31');
      expect(await head()).toBe(before);
    }
  });

  it('accepts the first and the last day of the range, and the read models apply them', async () => {
    const first = await openCase({ receivedOn: '1900-01-01' });
    const departed = await post(service.app, `cases/${first.caseId}/subjects/${first.subjectId}/departure`, {
      how: 'RESIGNED',
      on: '2100-12-31',
      approvedByDcc: false,
    });
    expect(departed.status).toBe(201);
    const dcc = bearer(service.app.config, { roles: ['DCC'], force: FORCE });
    for (const path of [`cases/${first.caseId}`, `cases/${first.caseId}/timeliness`]) {
      const read = await service.app
        .http()
        .get(`/api/v1/${path}`)
        .set('Authorization', dcc)
        .set('X-Access-Purpose', PURPOSE)
        .set('X-Wait-For-Position', departed.body.position);
      expect(read.status).toBe(200);
    }
  });

  it('keeps projecting the cases opened after the attempts, for every read model', async () => {
    await post(service.app, 'cases', referralBody(randomUUID(), { receivedOn: '0000-01-01' }));
    const later = await openCase();
    const dcc = bearer(service.app.config, { roles: ['DCC'], force: FORCE });
    const read = await service.app
      .http()
      .get(`/api/v1/cases/${later.caseId}`)
      .set('Authorization', dcc)
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', later.position);
    expect(read.status).toBe(200);
    // Every read model reaches the head, not only the one the read waited for.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const health = await service.app.http().get('/health');
      expect(health.body.status).toBe('ok');
      const behind = Object.entries(health.body.projections as Record<string, { lag: number }>).filter(([, projection]) => projection.lag !== 0);
      if (behind.length === 0) break;
      if (Date.now() > deadline) throw new Error(`read models still behind: ${JSON.stringify(behind)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  describe('in the query of a read', () => {
    const get = (path: string, role: 'DCC' | 'AUDITOR' | 'INSPECTOR' = 'DCC') =>
      service.app
        .http()
        .get(`/api/v1/${path}`)
        .set('Authorization', bearer(service.app.config, { roles: [role], force: FORCE }))
        .set('X-Access-Purpose', PURPOSE);

    it.each([
      ['history asOf 9999-12-31', 'history?asOf=9999-12-31', 'asOf'],
      ['history asOf 0000-01-01', 'history?asOf=0000-01-01', 'asOf'],
      ['history asOf an instant in year 9999', 'history?asOf=9999-12-31T23:59:59Z', 'asOf'],
    ])('answers 400 for %s', async (_name, query, field) => {
      const { caseId } = await openCase();
      const response = await get(`cases/${caseId}/${query}`);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(JSON.stringify(response.body.errors)).toContain(field);
    });

    it.each([
      ['access-log?from=0000-01-01', 'AUDITOR', 'from'],
      ['access-log?to=9999-12-31', 'AUDITOR', 'to'],
      ['access-log?from=0000-01-01T00:00:00Z', 'AUDITOR', 'from'],
      ['metrics/inspection?from=0000-01-01&to=2021-12-31', 'INSPECTOR', 'from'],
      ['metrics/inspection?from=2021-01-01&to=9999-12-31', 'INSPECTOR', 'to'],
      ['statistics/misconduct?year=2999', 'INSPECTOR', 'year'],
      ['statistics/misconduct?year=1899', 'INSPECTOR', 'year'],
    ] as const)('answers 400 for GET /%s', async (path, role, field) => {
      const response = await get(path, role);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(JSON.stringify(response.body.errors)).toContain(field);
    });
  });
});
