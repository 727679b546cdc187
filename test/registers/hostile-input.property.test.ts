/**
 * Issue 17: hostile raw bodies (test/support/hostile-input.ts) to every register route and
 * every recommendation route, as the case routes get them in
 * test/cases/hostile-input.property.test.ts: never a 500, always problem+json on a refusal,
 * and a refused command appends nothing.
 */
import { Pool } from 'pg';
import { FORCE, post, serviceForThisFile } from '../cases/support';
import { bearer } from '../http/support';
import { postHostileBodies } from '../support/hostile-input';
import { everyRegisterRoute, pathOf, registerIds, WITHDRAW_ROUTE } from './every-route';

const RECOMMENDATION = {
  source: 'HMICFRS',
  madeOn: '2014-11-01',
  dueOn: '2015-05-01',
  reference: 'Police Integrity and Corruption: Hampshire Constabulary (HMIC, November 2014)',
  text: 'Within six months, the force should ensure that all staff understand the need to report and record an offer of a gift or hospitality.',
};

describe('hostile input to the register and recommendation routes', () => {
  const service = serviceForThisFile();

  it('never answers a register or recommendation command with a 500, always problem+json, and appends nothing on a refusal', async () => {
    const pool = new Pool({ connectionString: service.app.database.url, max: 1 });
    const ids = registerIds();
    // The person's registers exist (their first steps), and a recommendation to respond to.
    const steps = everyRegisterRoute(ids);
    for (const step of steps.slice(0, 2)) expect((await post(service.app, pathOf(step.route, ids), step.body)).status).toBe(201);
    const made = await post(service.app, 'recommendations', RECOMMENDATION);
    expect(made.status).toBe(201);
    const recommendationId = (made.body as { recommendationId: string }).recommendationId;
    const paths = [
      ...new Set([...steps.map((step) => pathOf(step.route, ids)), pathOf(WITHDRAW_ROUTE, ids)]),
      'recommendations',
      ...['response', 'actions', 'complete'].map((step) => `recommendations/${recommendationId}/${step}`),
    ];
    const authorization = bearer(service.app.config, { roles: ['PSD_INVESTIGATOR'], force: FORCE });
    const events = async (): Promise<number> => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM ledger_events')).rows[0].n);
    try {
      await postHostileBodies(service.app, paths, authorization, events);
    } finally {
      await pool.end();
    }
  }, 120_000);
});
