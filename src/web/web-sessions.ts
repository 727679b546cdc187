/**
 * The pages' sessions, in PostgreSQL (the web_sessions table, src/database/migrations), so
 * that two instances of the service share them. A session holds the same Actor a bearer
 * token gives (src/http/actor.ts), the CSRF token of its forms, the purpose of access stated
 * for each case it opened, and the position of its last command (read-your-writes). The
 * cookie carries a random token; only the token's SHA-256 is stored.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Pool } from 'pg';
import { CLOCK } from '../common/clock';
import type { Clock } from '../common/clock';
import { PG_POOL } from '../database/database.module';
import type { Actor } from '../http/actor';

/** A session unused for this long is over (the next request signs in again). */
export const SESSION_IDLE_MINUTES = 30;

export interface WebSession {
  tokenHash: string;
  actor: Actor;
  csrfToken: string;
  /** Case id → the purpose of access stated for it in this session. */
  purposes: Record<string, string>;
  /** The X-Ledger-Position of the session's last command, read once by its next page. */
  lastPosition: string | null;
}

interface SessionRow {
  token_hash: string;
  actor: Actor;
  csrf_token: string;
  purposes: Record<string, string>;
  last_position: string | null;
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether two tokens are the same, in a time that does not tell how much of them matched. */
export function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

@Injectable()
export class WebSessions {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new session for the actor; the token goes in the cookie and nowhere else. */
  async open(actor: Actor): Promise<{ token: string; session: WebSession }> {
    const token = randomToken();
    const now = this.clock.now();
    await this.pool.query(`DELETE FROM web_sessions WHERE last_seen_at < $1::timestamptz - make_interval(mins => $2)`, [now, SESSION_IDLE_MINUTES]);
    const { rows } = await this.pool.query<SessionRow>(
      `INSERT INTO web_sessions (token_hash, actor, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)
       RETURNING token_hash, actor, csrf_token, purposes, last_position`,
      [hashToken(token), JSON.stringify(actor), randomToken(), now],
    );
    return { token, session: toSession(rows[0]) };
  }

  /** The session of a cookie's token, its idle time restarted; undefined when there is none or it has been idle too long. */
  async find(token: string): Promise<WebSession | undefined> {
    const { rows } = await this.pool.query<SessionRow>(
      `UPDATE web_sessions SET last_seen_at = $2
        WHERE token_hash = $1 AND last_seen_at >= $2::timestamptz - make_interval(mins => $3)
        RETURNING token_hash, actor, csrf_token, purposes, last_position`,
      [hashToken(token), this.clock.now(), SESSION_IDLE_MINUTES],
    );
    return rows.length === 0 ? undefined : toSession(rows[0]);
  }

  async statePurpose(session: WebSession, caseId: string, purpose: string): Promise<void> {
    await this.pool.query(`UPDATE web_sessions SET purposes = purposes || jsonb_build_object($2::text, $3::text) WHERE token_hash = $1`, [
      session.tokenHash,
      caseId,
      purpose,
    ]);
  }

  async rememberPosition(session: WebSession, position: string | null): Promise<void> {
    await this.pool.query('UPDATE web_sessions SET last_position = $2 WHERE token_hash = $1', [session.tokenHash, position]);
  }

  async close(session: WebSession): Promise<void> {
    await this.pool.query('DELETE FROM web_sessions WHERE token_hash = $1', [session.tokenHash]);
  }
}

function toSession(row: SessionRow): WebSession {
  return { tokenHash: row.token_hash, actor: row.actor, csrfToken: row.csrf_token, purposes: row.purposes, lastPosition: row.last_position };
}
