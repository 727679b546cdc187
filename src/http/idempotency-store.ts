import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../database/database.module';

/** The first response to a command sent with an Idempotency-Key, as it was sent. */
export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  /** The JSON text of the body; null when there was none. */
  body: string | null;
}

export type Reservation =
  | { outcome: 'reserved' }
  | { outcome: 'completed'; response: StoredResponse }
  | { outcome: 'in-progress' }
  /** The key was used before for another request (body, method or path). */
  | { outcome: 'reused' };

export interface KeyedRequest {
  userId: string;
  key: string;
  /** SHA-256 of the canonical method, path and body. */
  requestHash: string;
}

// A reservation older than this belongs to a request that died (crash, lost connection)
// and may be taken over; the deterministic event ids keep the takeover from appending twice.
const STALE_AFTER_SECONDS = 30;

/** The idempotency_keys table: reserve before running a command, complete or release after. */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async reserve(request: KeyedRequest): Promise<Reservation> {
    // A row can vanish between the statements (its request failed and released it): look again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const inserted = await this.pool.query(
        `INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, idempotency_key) DO NOTHING`,
        [request.userId, request.key, request.requestHash],
      );
      if (inserted.rowCount === 1) return { outcome: 'reserved' };

      const { rows } = await this.pool.query<{
        request_hash: string;
        status_code: number | null;
        response_headers: Record<string, string> | null;
        response_body: string | null;
        stale: boolean;
      }>(
        `SELECT request_hash, status_code, response_headers, response_body,
                locked_at < now() - make_interval(secs => $3) AS stale
           FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2`,
        [request.userId, request.key, STALE_AFTER_SECONDS],
      );
      const row = rows[0];
      if (row === undefined) continue;
      if (row.request_hash !== request.requestHash) return { outcome: 'reused' };
      if (row.status_code !== null) {
        return { outcome: 'completed', response: { statusCode: row.status_code, headers: row.response_headers ?? {}, body: row.response_body } };
      }
      if (!row.stale) return { outcome: 'in-progress' };
      const taken = await this.pool.query(
        `UPDATE idempotency_keys SET locked_at = now()
          WHERE user_id = $1 AND idempotency_key = $2 AND status_code IS NULL
            AND locked_at < now() - make_interval(secs => $3)`,
        [request.userId, request.key, STALE_AFTER_SECONDS],
      );
      if (taken.rowCount === 1) return { outcome: 'reserved' };
    }
    return { outcome: 'in-progress' };
  }

  async complete(request: KeyedRequest, response: StoredResponse): Promise<void> {
    // An upsert: a request taken over as stale may have lost its row to the first one's release.
    await this.pool.query(
      `INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, status_code, response_headers, response_body, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (user_id, idempotency_key) DO UPDATE
         SET status_code = EXCLUDED.status_code, response_headers = EXCLUDED.response_headers,
             response_body = EXCLUDED.response_body, completed_at = EXCLUDED.completed_at
         WHERE idempotency_keys.request_hash = EXCLUDED.request_hash`,
      [request.userId, request.key, request.requestHash, response.statusCode, JSON.stringify(response.headers), response.body],
    );
  }

  /** The command failed: free the key for a retry (its event ids keep a retry from appending twice). */
  async release(request: KeyedRequest): Promise<void> {
    await this.pool.query(
      'DELETE FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2 AND status_code IS NULL AND request_hash = $3',
      [request.userId, request.key, request.requestHash],
    );
  }
}
