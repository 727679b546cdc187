/**
 * Issue 17, point 7: `npm run ledger -- backup <file>` and `restore <file>`. A ledger with
 * cases walked to their outcome, sealed and witnessed, is backed up while the service runs,
 * restored into a fresh embedded database (a data folder of its own), and then:
 * - `npm run ledger -- verify` passes on it against the original witness, and, a read-only
 *   command, generates no signing key;
 * - the service started on it rebuilds read models equal to the original's;
 * - a second restore into it is refused (its ledger is no longer empty).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { developmentMasterKey } from '../../src/vault/master-key';
import type { Pool } from 'pg';
import { poolOn } from '../support/database';
import { PROJECTIONS } from '../../projections';
import { caseLifecycle, send, Tokens } from '../../scripts/load/lifecycle';
import { EMBEDDED_DATABASE, embeddedUrl, readEmbeddedPassword } from '../../src/database/embedded-credentials';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { LedgerSealer } from '../../src/ledger/sealer';
import { getStatus, isRunning, PROCESS_JWT_SECRET, SERVICE_START_MS, startServiceProcess, waitUntil } from '../resilience/service-process';
import { startTestApp, TestApp } from '../support/app';
import { allCaughtUp, snapshot } from '../support/read-models';

const root = path.resolve(__dirname, '../..');
const CASES = 6;
/** One ledger command (ts-node start, an embedded server started and stopped) on a loaded 2-core machine. */
const LEDGER_COMMAND_MS = 120_000;

/** A `npm run ledger` command, killed and failed with what it wrote if it takes longer than `LEDGER_COMMAND_MS`. */
function ledgerCommand(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['-r', 'ts-node/register/transpile-only', 'scripts/ledger.ts', ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // SIGINT: the command stops an embedded server it started (scripts/ledger.ts), then exits.
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      reject(new Error(`npm run ledger -- ${args.join(' ')} did not finish in ${LEDGER_COMMAND_MS / 1000} s\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, LEDGER_COMMAND_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A port for the restored ledger's embedded server, held across four commands and a service:
 * below Linux's ephemeral range (32768 and up), from which every other test's free port and
 * every outgoing connection's local port are drawn, so none of them takes it in a gap.
 */
async function portBelowEphemeralRange(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port between 20000 and 30000');
}

/** Every read model's rows, by projection. */
async function readModels(pool: Pool): Promise<Record<string, Record<string, string[]>>> {
  const models: Record<string, Record<string, string[]>> = {};
  for (const definition of PROJECTIONS)
    models[definition.name] = await snapshot(
      pool,
      definition.tables.map((table) => table.name),
    );
  return models;
}

describe('backup and restore', () => {
  let source: TestApp;
  let folder: string;

  beforeAll(async () => {
    source = await startTestApp({ LEDGER_JWT_SECRET: PROCESS_JWT_SECRET });
    folder = mkdtempSync(path.join(tmpdir(), 'ledger-backup-'));
    // The embedded server runs as the postgres user when we are root: it must be able to enter the folder.
    chmodSync(folder, 0o755);
  });

  afterAll(async () => {
    await source.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores a ledger that verifies against the witness and rebuilds the same read models', async () => {
    const address = source.app.getHttpServer().address() as { port: number };
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const tokens = new Tokens(source.config.jwt, 'backup-user');
    for (let n = 0; n < CASES; n += 1) {
      let waitForPosition: string | undefined;
      for (const request of caseLifecycle()) {
        const answer = await send(baseUrl, request, tokens, { waitForPosition });
        expect({ path: request.path, status: answer.status }).toEqual({ path: request.path, status: request.method === 'POST' ? 201 : 200 });
        waitForPosition = answer.position ?? waitForPosition;
      }
    }
    expect((await source.app.get(LedgerSealer).sealNow()).status).toBe('sealed');
    const sourcePool = poolOn(source.database.url, 2);
    const file = path.join(folder, 'ledger.backup.gz');
    const restoredDir = path.join(folder, 'restored');
    const port = await portBelowEphemeralRange();
    const restoredEnv = {
      DATABASE_URL: undefined,
      LEDGER_DATA_DIR: restoredDir,
      LEDGER_EMBEDDED_PG_PORT: String(port),
      // The witness is kept outside the database: the restored ledger is checked against the original's.
      LEDGER_WITNESS_DIR: source.config.ledger.witnessDir,
      // The vault's data keys are restored wrapped under the source's master key: the restored
      // service needs that key (the source's, on DATABASE_URL, is the development key) to open them.
      LEDGER_MASTER_KEY: developmentMasterKey().toString('base64'),
    };
    try {
      const backup = await ledgerCommand(['backup', file], { DATABASE_URL: source.database.url, LEDGER_DATA_DIR: source.config.dataDir });
      expect(backup.code === 0 ? 'exit 0' : backup.stderr).toBe('exit 0');
      const header = JSON.parse(backup.stdout) as { tables: Record<string, number>; headPosition: string };
      const { rows } = await sourcePool.query<{ n: string }>('SELECT count(*) AS n FROM ledger_events');
      expect(header.tables.ledger_events).toBe(Number(rows[0].n));

      const env = Object.fromEntries(Object.entries({ ...process.env, ...restoredEnv }).filter(([, value]) => value !== undefined));
      const restore = await ledgerCommand(['restore', file], { ...env, DATABASE_URL: '' });
      expect(restore.code === 0 ? 'exit 0' : restore.stderr).toBe('exit 0');

      const verify = await ledgerCommand(['verify'], { ...env, DATABASE_URL: '' });
      expect({ code: verify.code, result: JSON.parse(verify.stdout) as unknown }).toMatchObject({ code: 0, result: { ok: true } });
      expect((JSON.parse(verify.stdout) as { sealsChecked: number }).sealsChecked).toBeGreaterThan(0);
      // verify only reads: no signing key was generated for the restored folder.
      expect(existsSync(path.join(restoredDir, 'seal-signing-key.pem'))).toBe(false);

      // Another restore into it is refused: its ledger is not empty.
      const again = await ledgerCommand(['restore', file], { ...env, DATABASE_URL: '' });
      expect({ code: again.code, refused: again.stderr.includes('restore refused') }).toEqual({ code: 1, refused: true });

      // The service on the restored ledger rebuilds the same read models.
      const store = new PostgresEventStore(sourcePool);
      const sourceHead = await store.headPosition();
      await waitUntil(() => allCaughtUp(sourcePool, sourceHead), 60_000, 'the source read models caught up');
      const original = await readModels(sourcePool);
      await store.close();
      const service = await startServiceProcess(restoredEnv);
      const password = readEmbeddedPassword(restoredDir);
      const restoredPool = poolOn(embeddedUrl(port, EMBEDDED_DATABASE, password ?? ''), 2);
      restoredPool.on('error', () => undefined);
      try {
        await waitUntil(
          async () => (await getStatus(`${service.baseUrl}/health`)).status === 200,
          SERVICE_START_MS,
          () => `the restored service is up\n${service.output()}`,
        );
        await waitUntil(() => allCaughtUp(restoredPool, sourceHead), 60_000, 'the restored read models caught up');
        expect(await readModels(restoredPool)).toEqual(original);
      } finally {
        await restoredPool.end();
        if (isRunning(service)) service.child.kill('SIGTERM');
        // The service gives itself 30 s to shut down (src/main.ts); past 45 s it is killed.
        const killer = setTimeout(() => service.child.kill('SIGKILL'), 45_000);
        await service.exited();
        clearTimeout(killer);
      }
    } finally {
      await sourcePool.end();
    }
    // Four `npm run ledger` processes (ts-node, each starting an embedded server) and a second service:
    // 45–92 s alone; every wait above has a bound of its own, well inside this one.
  }, 480_000);
});
