/** Issue 11, item 22: two instances starting together on an empty database both migrate it, one after the other. */
import { migrate } from '../../src/database/data-source';
import { createTestDatabase, poolFor } from '../support/database';

describe('migrations started by two instances at once', () => {
  it('both succeed: the second waits for the first and finds nothing left to do', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      const outcomes = await Promise.allSettled([migrate(database.url), migrate(database.url), migrate(database.url)]);
      expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
      const pool = poolFor(database, 1);
      try {
        const { rows } = await pool.query<{ n: string; distinct: string }>('SELECT count(*) AS n, count(DISTINCT name) AS distinct FROM ledger_migrations');
        expect(rows[0].n).toBe(rows[0].distinct);
      } finally {
        await pool.end();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);
});
