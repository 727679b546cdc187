import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { AppConfig, loadConfiguration } from '../src/config/configuration';
import { backupLedger, restoreLedger, RestoreRefusedError } from '../src/database/backup';
import { openDatabase, openDatabaseForTool } from '../src/database/database';
import { EMBEDDED_DATABASE, embeddedUrl, readEmbeddedPassword } from '../src/database/embedded-credentials';
import { guardPool } from '../src/database/pools';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { PostgresLedgerSource } from '../src/ledger/postgres/postgres-ledger-source';
import { PostgresMerkleTree } from '../src/ledger/postgres/postgres-merkle-tree';
import { LedgerSealer } from '../src/ledger/sealer';
import { PostgresSealerLock } from '../src/ledger/sealer-lock';
import { verifyLedger, VerifyProgress } from '../src/ledger/verify';
import { verifyCaseExport } from '../src/ledger/case-export';
import { trustedKeys } from '../src/ledger/seal-signing';
import { SealTrust, verifyingTrust } from '../src/ledger/seal-trust';
import { FileSystemDocumentStorage } from '../src/documents/document-storage';

/**
 * `npm run ledger -- <command>`
 *
 *   verify               recompute every chain and seal, check each seal's signature,
 *                        compare the seals with the witness (LEDGER_WITNESS_DIR) and hash every
 *                        document's stored bytes (LEDGER_DOCUMENTS_DIR); JSON result
 *                        on stdout, progress on stderr; exit 0 when intact, 1 when not
 *   seal                 seal whatever is unsealed now (signed, and written to the witness)
 *   public-key           print the seals' public keys (JSON), as GET /ledger/public-key
 *   backup <file>        write a consistent snapshot of the ledger (events, streams, the
 *                        seals' Merkle tree, idempotency keys, the vault's keys) to a new
 *                        file; safe beside a running service (src/database/backup.ts)
 *   restore <file>       restore a backup into an empty ledger (the service stopped); the
 *                        read models are rebuilt by the service when it starts
 *   verify-export <file> [--public-key <pem file>]
 *                        check a case export (GET /cases/{id}/export) offline, with no
 *                        database: the hash chain from revision 0, the seal and, given the
 *                        ledger's public key, its signature, every proof; exit 0 when it
 *                        holds, 1 when it does not
 *
 * Uses DATABASE_URL, or the embedded PostgreSQL of a running service, or starts the embedded
 * one under LEDGER_DATA_DIR for the command and stops it after. Verifying beside a running
 * service is safe (it only reads); sealing is too (one sealer at a time, by advisory lock).
 */
const USAGE = 'usage: npm run ledger -- verify | seal | public-key | backup <file> | restore <file> | verify-export <file> [--public-key <pem file>]';

/** Exit codes: 0 fine, 1 the ledger does not verify (or sealing failed), 2 usage, 3 cannot open the database. */
type ExitCode = 0 | 1 | 2 | 3;

async function main(args: string[]): Promise<ExitCode> {
  const [command, ...rest] = args;
  switch (command) {
    case 'verify':
      return withDatabase(verify);
    case 'seal':
      return withDatabase(seal);
    case 'public-key':
      process.stdout.write(`${JSON.stringify(SealTrust.fromConfig(loadConfiguration(), announce).publicKeys(), null, 2)}\n`);
      return 0;
    case 'verify-export':
      return verifyExport(rest);
    case 'backup':
    case 'restore':
      if (rest.length !== 1) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      return command === 'backup' ? backup(rest[0]) : restore(rest[0]);
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

const announce = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Offline: reads the files and nothing else, no configuration and no database. */
function verifyExport(args: string[]): ExitCode {
  const [file, flag, keyFile, ...extra] = args;
  if (!file || (flag !== undefined && (flag !== '--public-key' || !keyFile)) || extra.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let keys;
  try {
    keys = keyFile === undefined ? undefined : trustedKeys(createPublicKey(readFileSync(keyFile, 'utf8')));
  } catch (error) {
    process.stderr.write(`cannot read ${keyFile} as a public key: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const verdict = verifyCaseExport(document, { trustedKeys: keys });
  process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  return verdict.ok ? 0 : 1;
}

async function verify(pool: Pool, config: AppConfig, signal: AbortSignal): Promise<ExitCode> {
  // Read-only: no signing key is generated here (verifyingTrust reads what exists).
  const trust = verifyingTrust(config);
  const bar = new SingleBar(
    { stream: process.stderr, format: 'verify [{bar}] {percentage}% | position {value}/{total} | {events} events | {duration_formatted}', hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  const onProgress = ({ eventsChecked, position, head }: VerifyProgress): void => {
    // Positions are dense in the PostgreSQL engine, so they measure the way through.
    if (!started) bar.start(Number(head.commit) + 1, 0, { events: 0 });
    started = true;
    bar.update(Number(position.commit) + 1, { events: eventsChecked });
  };
  try {
    const result = await verifyLedger(new PostgresLedgerSource(pool), {
      onProgress,
      signal,
      trustedKeys: trust.trustedKeys,
      witness: await trust.witness.seals(),
      documents: new FileSystemDocumentStorage(config.documents.dir),
    });
    bar.stop();
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    bar.stop();
  }
}

async function seal(pool: Pool, config: AppConfig, signal: AbortSignal): Promise<ExitCode> {
  const store = new PostgresEventStore(pool);
  try {
    const sealer = new LedgerSealer(
      store,
      new PostgresMerkleTree(pool),
      new PostgresSealerLock(pool),
      { everyEvents: config.ledger.sealEveryEvents, intervalSeconds: config.ledger.sealIntervalSeconds },
      undefined,
      SealTrust.fromConfig(config, announce),
    );
    const outcome = await sealer.sealNow(signal);
    process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    if (outcome.status === 'busy') process.stderr.write('Another process (a running service?) is sealing right now: try again in a moment.\n');
    if (outcome.status === 'lost-race') process.stderr.write('Another sealer appended a seal first: run seal again if anything is left.\n');
    return outcome.status === 'sealed' || outcome.status === 'nothing-to-seal' ? 0 : 1;
  } finally {
    await store.close();
  }
}

/** As the service's role (it reads every table kept), beside a running service or not. */
async function backup(file: string): Promise<ExitCode> {
  const database = await openDatabaseForTool(loadConfiguration());
  try {
    const header = await backupLedger(database.url, file);
    process.stdout.write(`${JSON.stringify({ file, ...header }, null, 2)}\n`);
    return 0;
  } finally {
    await database.stop();
  }
}

/**
 * Into DATABASE_URL's database (as LEDGER_MIGRATION_DATABASE_URL's owner when given), or the
 * embedded one under LEDGER_DATA_DIR, started for this and stopped after: a running service
 * holds it, so it must be stopped first.
 */
async function restore(file: string): Promise<ExitCode> {
  const config = loadConfiguration();
  let database;
  try {
    database = await openDatabase(config);
  } catch (error) {
    process.stderr.write(`Cannot open the database (is the service running? stop it first): ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
  try {
    const url = config.databaseUrl
      ? (config.migrationDatabaseUrl ?? config.databaseUrl)
      : embeddedUrl(config.embeddedPostgresPort, EMBEDDED_DATABASE, readEmbeddedPassword(config.dataDir) ?? '');
    const header = await restoreLedger(url, file);
    process.stdout.write(`${JSON.stringify({ restored: file, ...header }, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof RestoreRefusedError)) throw error;
    process.stderr.write(`restore refused: ${error.message}\n`);
    return 1;
  } finally {
    await database.stop();
  }
}

type Command = (pool: Pool, config: AppConfig, signal: AbortSignal) => Promise<ExitCode>;

async function withDatabase(command: Command): Promise<ExitCode> {
  const config = loadConfiguration();
  if (config.eventStoreConnectionString) {
    process.stderr.write('EVENTSTORE_CONNECTION_STRING is set: this command reads the PostgreSQL event store only.\n');
    return 2;
  }
  const database = await openDatabaseForTool(config).catch((error: unknown) => {
    process.stderr.write(`Cannot open the database: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  });
  if (!database) return 3;

  // Ctrl-C ends the command cleanly, so an embedded server it started is stopped, not orphaned.
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const pool = guardPool(new Pool({ connectionString: database.url, max: 4 }), 'ledger-tool');
  try {
    return await command(pool, config, abort.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pool.end();
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ledger: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
