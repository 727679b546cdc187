/** What the fault tests check in the ledger after a fault, straight from its tables. */
import { Pool } from 'pg';
import { loadConfiguration } from '../../src/config/configuration';
import { signToken } from '../../src/http/token';
import { PROCESS_JWT_SECRET } from '../resilience/service-process';
import type { Acknowledged } from './load-driver';

/** The acknowledged commands' event ids that are not in the ledger, and those that are there more than once. */
export async function acknowledgedExactlyOnce(pool: Pool, acknowledged: Acknowledged[]): Promise<{ missing: string[]; duplicated: string[] }> {
  const eventIds = acknowledged.flatMap((entry) => entry.eventIds);
  const { rows } = await pool.query<{ event_id: string; n: string }>(
    'SELECT event_id::text, count(*) AS n FROM ledger_events WHERE event_id = ANY($1::uuid[]) GROUP BY event_id',
    [eventIds],
  );
  const counts = new Map(rows.map((row) => [row.event_id, Number(row.n)]));
  return {
    missing: eventIds.filter((id) => !counts.has(id)),
    duplicated: eventIds.filter((id) => (counts.get(id) ?? 0) > 1),
  };
}

/**
 * The cases whose stream holds other events than those of their acknowledged commands (one
 * half-written, or written twice), as `{ caseId, extra, missing }`; [] when every case's
 * stream is exactly its commands' events.
 */
export async function streamsHoldExactly(pool: Pool, acknowledged: Acknowledged[]): Promise<{ caseId: string; extra: string[]; missing: string[] }[]> {
  const expected = new Map<string, Set<string>>();
  for (const entry of acknowledged) {
    if (entry.caseId === undefined) continue;
    const ids = expected.get(entry.caseId) ?? new Set<string>();
    entry.eventIds.forEach((id) => ids.add(id));
    expected.set(entry.caseId, ids);
  }
  const { rows } = await pool.query<{ stream_name: string; event_id: string }>(
    'SELECT stream_name, event_id::text FROM ledger_events WHERE stream_name = ANY($1::text[])',
    [[...expected.keys()].map((caseId) => `case-${caseId}`)],
  );
  const found = new Map<string, Set<string>>();
  for (const row of rows) {
    const caseId = row.stream_name.slice('case-'.length);
    found.set(caseId, (found.get(caseId) ?? new Set()).add(row.event_id));
  }
  const wrong: { caseId: string; extra: string[]; missing: string[] }[] = [];
  for (const [caseId, ids] of expected) {
    const there = found.get(caseId) ?? new Set<string>();
    const extra = [...there].filter((id) => !ids.has(id));
    const missing = [...ids].filter((id) => !there.has(id));
    if (extra.length > 0 || missing.length > 0) wrong.push({ caseId, extra, missing });
  }
  return wrong;
}

/** The granted reads of a case recorded for a user. */
export async function recordedReads(pool: Pool, userId: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM ledger_events WHERE event_type = 'CaseAccessed' AND data->>'userId' = $1 AND (data->>'granted')::boolean`,
    [userId],
  );
  return Number(rows[0].n);
}

export function auditorHeaders(): Record<string, string> {
  const config = loadConfiguration({ LEDGER_JWT_SECRET: PROCESS_JWT_SECRET });
  const token = signToken({ userId: 'auditor-1', name: 'Auditor', roles: ['AUDITOR'], force: '*', expiresInSeconds: 3600 }, config.jwt);
  return { Authorization: `Bearer ${token}` };
}
