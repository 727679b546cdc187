import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The comparison peer, Emmett's PostgreSQL event store (`@event-driven-io/emmett-postgresql`).
 * Its npm metadata declares no licence, so it is never a dependency of the service: it lives
 * in bench/peer with its own package.json and lockfile, and is installed there on first use.
 * Only the few members the benchmark calls are typed here.
 */
export const PEER_DIR = path.resolve(__dirname, '..', 'peer');
export const PEER_PACKAGE = '@event-driven-io/emmett-postgresql';

export interface PeerEvent {
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

export interface PeerEventStore {
  appendToStream(
    streamName: string,
    events: PeerEvent[],
    options?: { expectedStreamVersion?: bigint },
  ): Promise<{ nextExpectedStreamVersion: bigint; lastEventGlobalPosition: bigint }>;
  schema: { migrate(): Promise<unknown> };
  close(): Promise<void>;
}

/** pg's Pool as loaded from bench/peer (Emmett's own copy of pg). */
export interface PeerPool {
  end(): Promise<void>;
}

export interface Peer {
  version: string;
  createPool(connectionString: string, max: number): PeerPool;
  getPostgreSQLEventStore(connectionString: string, pool: PeerPool): PeerEventStore;
}

interface PeerModule {
  getPostgreSQLEventStore(connectionString: string, options: { connectionOptions: { pool: PeerPool } }): PeerEventStore;
}

interface PgModule {
  Pool: new (config: { connectionString: string; max: number }) => PeerPool;
}

export async function loadPeer(log: (line: string) => void): Promise<Peer> {
  await ensurePeerInstalled(log);
  const peerRequire = createRequire(path.join(PEER_DIR, 'package.json'));
  // The package ships a CommonJS build beside its ES modules, so require() from the peer
  // folder loads it (and resolves its own dependencies there) without ESM interop.
  const emmett = peerRequire(PEER_PACKAGE) as PeerModule;
  const pg = peerRequire('pg') as PgModule;
  return {
    version: installedVersion() ?? 'unknown',
    createPool: (connectionString, max) => new pg.Pool({ connectionString, max }),
    getPostgreSQLEventStore: (connectionString, pool) => emmett.getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } }),
  };
}

async function ensurePeerInstalled(log: (line: string) => void): Promise<void> {
  const wanted = wantedVersion();
  const installed = installedVersion();
  if (installed !== undefined && installed === wanted) return;
  const command = existsSync(path.join(PEER_DIR, 'package-lock.json')) ? 'ci' : 'install';
  log(`installing the peer ${PEER_PACKAGE}@${wanted} into bench/peer (npm ${command}; first use only)…`);
  await new Promise<void>((resolve, reject) => {
    // npm's output goes to stderr: stdout carries only the JSON line.
    const child = spawn('npm', [command, '--prefix', PEER_DIR, '--no-audit', '--no-fund', '--loglevel', 'http'], {
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm ${command} in bench/peer exited with ${code}`))));
  });
  if (installedVersion() !== wanted) throw new Error(`bench/peer: ${PEER_PACKAGE}@${wanted} is still not installed`);
  log(`installed ${PEER_PACKAGE}@${wanted}`);
}

function wantedVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(PEER_DIR, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const version = manifest.dependencies?.[PEER_PACKAGE];
  if (!version) throw new Error(`bench/peer/package.json does not list ${PEER_PACKAGE}`);
  return version;
}

function installedVersion(): string | undefined {
  const manifest = path.join(PEER_DIR, 'node_modules', ...PEER_PACKAGE.split('/'), 'package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}
