import { Pool } from 'pg';

/** What `SealerLock.run` answers when another process holds the lock. */
export const LOCK_BUSY = Symbol('LOCK_BUSY');

export interface SealerLock {
  run<T>(work: () => Promise<T>): Promise<T | typeof LOCK_BUSY>;
}

/**
 * The sealer's PostgreSQL advisory lock (one bigint key; the append function uses
 * 7411000001, projections use the two-key form, which PostgreSQL keeps apart).
 */
export const SEALER_LOCK_KEY = '7411000002';

/**
 * Held by one session for one cycle, not for the life of the process: if a sealer dies,
 * the next cycle of any other process simply takes over, and nothing has to notice a
 * lost connection. Tried, never waited for: a busy sealer means the work is being done.
 */
export class PostgresSealerLock implements SealerLock {
  constructor(private readonly pool: Pool) {}

  async run<T>(work: () => Promise<T>): Promise<T | typeof LOCK_BUSY> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [SEALER_LOCK_KEY]);
      if (!rows[0].locked) return LOCK_BUSY;
      try {
        return await work();
      } finally {
        // A failed unlock means the session is gone, and the lock with it.
        await client.query('SELECT pg_advisory_unlock($1::bigint)', [SEALER_LOCK_KEY]).catch(() => {
          broken = true;
        });
      }
    } catch (error) {
      // Whatever failed, a fresh connection next time costs little and is surely clean.
      broken = true;
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
