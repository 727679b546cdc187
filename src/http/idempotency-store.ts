import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Client, Pool } from 'pg';
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

// The first key of the two-key advisory lock a process holds on its owner id while it lives
// (an arbitrary constant, apart from the sealer's and the projection runner's locks).
const OWNER_LOCK_NAMESPACE = 1_764_100_001;

/**
 * A reservation may be taken over when it is stale, or at once when its owner process is
 * gone: no session holds that owner's advisory lock any more (PostgreSQL drops a session's
 * locks when its process dies, kill -9 included). $3 is STALE_AFTER_SECONDS, $4 the namespace.
 */
const TAKEOVER_ALLOWED = `(locked_at < now() - make_interval(secs => $3)
  OR (owner IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM pg_locks
     WHERE locktype = 'advisory' AND granted AND objsubid = 2
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND classid = $4::int::oid AND objid = owner::oid)))`;

/**
 * The idempotency_keys table: reserve before running a command, complete or release after.
 *
 * A reservation names its owner, this process, by an id on which the process holds a session
 * advisory lock on a connection of its own (not the requests' pool) for as long as it runs.
 * A retry whose key is held by a process that died takes it over at once rather than being
 * held and refused until the reservation goes stale. If that connection is lost while the
 * process lives, its reservations look abandoned and a retry may run beside the first
 * request: the event ids derived from the key still keep the two from appending twice.
 */
@Injectable()
export class IdempotencyStore implements OnApplicationShutdown {
  private owner: Promise<number> | undefined;
  private ownerClient: Client | undefined;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async reserve(request: KeyedRequest): Promise<Reservation> {
    const owner = await this.ownerId();
    // A row can vanish between the statements (its request failed and released it): look again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const inserted = await this.pool.query(
        `INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, owner) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, idempotency_key) DO NOTHING`,
        [request.userId, request.key, request.requestHash, owner],
      );
      if (inserted.rowCount === 1) return { outcome: 'reserved' };

      const { rows } = await this.pool.query<{
        request_hash: string;
        status_code: number | null;
        response_headers: Record<string, string> | null;
        response_body: string | null;
        stale: boolean;
      }>(
        `SELECT request_hash, status_code, response_headers, response_body, ${TAKEOVER_ALLOWED} AS stale
           FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2`,
        [request.userId, request.key, STALE_AFTER_SECONDS, OWNER_LOCK_NAMESPACE],
      );
      const row = rows[0];
      if (row === undefined) continue;
      if (row.request_hash !== request.requestHash) return { outcome: 'reused' };
      if (row.status_code !== null) {
        return { outcome: 'completed', response: { statusCode: row.status_code, headers: row.response_headers ?? {}, body: row.response_body } };
      }
      if (!row.stale) return { outcome: 'in-progress' };
      const taken = await this.pool.query(
        `UPDATE idempotency_keys SET locked_at = now(), owner = $5
          WHERE user_id = $1 AND idempotency_key = $2 AND status_code IS NULL AND ${TAKEOVER_ALLOWED}`,
        [request.userId, request.key, STALE_AFTER_SECONDS, OWNER_LOCK_NAMESPACE, owner],
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
    await this.pool.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2 AND status_code IS NULL AND request_hash = $3', [
      request.userId,
      request.key,
      request.requestHash,
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.ownerClient;
    this.owner = undefined;
    this.ownerClient = undefined;
    await client?.end().catch(() => undefined);
  }

  /** This process's owner id, its advisory lock taken on first use (again after the connection holding it was lost). */
  private ownerId(): Promise<number> {
    this.owner ??= this.holdOwnerLock().catch((error: unknown) => {
      this.owner = undefined;
      throw error;
    });
    return this.owner;
  }

  private async holdOwnerLock(): Promise<number> {
    const client = new Client(this.pool.options);
    // A lost connection must not crash the process: forget the id, and the next reservation takes a new one.
    client.on('error', () => this.forgetOwner(client));
    client.on('end', () => this.forgetOwner(client));
    await client.connect();
    try {
      for (;;) {
        // Positive, so that the id reads the same as an int4 and as pg_locks' oid.
        const candidate = randomInt(1, 2 ** 31 - 1);
        const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS held', [OWNER_LOCK_NAMESPACE, candidate]);
        if (rows[0]?.held === true) {
          this.ownerClient = client;
          return candidate;
        }
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  private forgetOwner(client: Client): void {
    if (this.ownerClient !== client) return;
    this.ownerClient = undefined;
    this.owner = undefined;
    void client.end().catch(() => undefined);
  }
}
