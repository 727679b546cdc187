/**
 * Issue 17, point 5: hostile input at volume. Raw bodies no client library would send (huge
 * and unicode strings, prototype-pollution keys, deep nesting, duplicate keys, broken JSON)
 * to every case command route, and hostile values in the query strings and ids of the read
 * routes: never a 500, always problem+json on a refusal, and a refused command appends
 * nothing.
 */
import fc from 'fast-check';
import { Pool } from 'pg';
import { bearer } from '../http/support';
import { hostileValue, postHostileBodies } from '../support/hostile-input';
import { everyRoute, pathOf, walkIds } from './every-route';
import { FORCE, post, PROBLEM_JSON, serviceForThisFile } from './support';

describe('hostile input at volume', () => {
  const service = serviceForThisFile();

  it('never answers a command route with a 500, always problem+json, and appends nothing on a refusal', async () => {
    const pool = new Pool({ connectionString: service.app.database.url, max: 1 });
    const ids = walkIds();
    const steps = everyRoute(ids);
    // A case with its subjects, so the routes exist.
    for (const step of steps.slice(0, 4)) expect((await post(service.app, pathOf(step, ids), step.body)).status).toBe(201);
    const authorization = bearer(service.app.config, { roles: ['PSD_INVESTIGATOR'], force: FORCE });
    const caseEvents = async (): Promise<number> =>
      Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM ledger_events WHERE stream_name = $1', [`case-${ids.caseId}`])).rows[0].n);
    try {
      await postHostileBodies(
        service.app,
        steps.map((step) => pathOf(step, ids)),
        authorization,
        caseEvents,
      );
    } finally {
      await pool.end();
    }
  }, 120_000);

  it('never answers a read route with a 500, whatever its ids, query and purpose', async () => {
    const ids = walkIds();
    const [referral] = everyRoute(ids);
    expect((await post(service.app, pathOf(referral, ids), referral.body)).status).toBe(201);
    const routes = [
      (v: string) => `/api/v1/cases?force=${v}&stage=${v}&page=${v}&pageSize=${v}`,
      (v: string) => `/api/v1/cases/${v}`,
      (v: string) => `/api/v1/cases/${ids.caseId}/history?asOf=${v}`,
      (v: string) => `/api/v1/cases/${v}/timeliness`,
      (v: string) => `/api/v1/dashboards/dcc?force=${v}`,
      (v: string) => `/api/v1/metrics/inspection?force=${v}&from=${v}&to=${v}`,
      (v: string) => `/api/v1/statistics/misconduct?force=${v}&year=${v}`,
      (v: string) => `/api/v1/access-log?caseId=${v}&userId=${v}&from=${v}`,
      (v: string) => `/api/v1/people/${v}/integrity-record`,
    ];
    const authorization = bearer(service.app.config, { roles: ['DCC'], force: FORCE });
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: routes.length - 1 }), hostileValue, hostileValue, async (index, value, purpose) => {
        const path = routes[index](encodeURIComponent(value));
        const response = await service.app
          .http()
          .get(path)
          .set('Authorization', authorization)
          .set('X-Access-Purpose', purpose.replace(/[^\x20-\x7e]/g, '?').slice(0, 2000));
        if (response.status >= 500) throw new Error(`GET ${path.slice(0, 200)} answered ${response.status}: ${JSON.stringify(response.body)}`);
        // 431 too: headers over Node's limit are refused before any route runs, as problem+json (src/http/server-timeouts.ts).
        if (response.status >= 400) expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 90_000 },
    );
  }, 120_000);
});
