/** What the fault tests check in the ledger after a fault, straight from its tables. */
import { Pool } from 'pg';
import { send } from '../../scripts/load/lifecycle';
import { loadConfiguration } from '../../src/config/configuration';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { signToken } from '../../src/http/token';
import { getStatus, PROCESS_JWT_SECRET, ServiceProcess, waitUntil } from '../resilience/service-process';
import { allCaughtUp, expectEqualToFullRebuild } from '../support/read-models';
import type { Acknowledged, LoadDriver } from './load-driver';

/**
 * After a fault, with the service (`baseUrl`) up again: every command that got no 2xx is
 * resent with its Idempotency-Key (it was appended once before its answer was lost, or is
 * now); then every acknowledged command is in the ledger once, each case's stream holds
 * exactly its commands' events, every read served has its record, and the ledger verifies.
 */
export async function expectNothingLostOrDoubled(baseUrl: string, pool: Pool, load: LoadDriver): Promise<void> {
  expect(await acknowledgedExactlyOnce(pool, load.acknowledged)).toEqual({ missing: [], duplicated: [] });
  for (const lost of load.unanswered) {
    const answer = await send(baseUrl, lost.request, lost.tokens);
    expect({ path: lost.request.path, ok: answer.status >= 200 && answer.status < 300, answer }).toMatchObject({ path: lost.request.path, ok: true });
    load.acknowledged.push({ request: lost.request, caseId: lost.caseId, eventIds: answer.eventIds });
  }
  expect(await acknowledgedExactlyOnce(pool, load.acknowledged)).toEqual({ missing: [], duplicated: [] });
  expect(await streamsHoldExactly(pool, load.acknowledged)).toEqual([]);
  for (const [userId, served] of load.served) expect({ userId, recorded: (await recordedReads(pool, userId)) >= served }).toEqual({ userId, recorded: true });
  const verify = await getStatus(`${baseUrl}/api/v1/ledger/verify`, auditorHeaders(), 60_000);
  expect(verify.body).toMatchObject({ ok: true });
}

/** Waits for the projections to reach the head, stops the services (SIGTERM, exit 0), and compares every read model with a full rebuild. */
export async function expectReadModelsEqualRebuild(pool: Pool, services: ServiceProcess[], explain: () => string): Promise<void> {
  const store = new PostgresEventStore(pool);
  try {
    const head = await store.headPosition();
    await waitUntil(
      () => allCaughtUp(pool, head),
      60_000,
      () => 'projections caught up' + explain(),
    );
    for (const service of services) service.child.kill('SIGTERM');
    for (const service of services) expect(await service.exited()).toEqual({ code: 0, signal: null });
    await expectEqualToFullRebuild(store, pool);
  } finally {
    await store.close();
  }
}

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
