import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { Presets, SingleBar } from 'cli-progress';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import pino from 'pino';
import { FORCE_CODE } from '../src/common/force';
import type { DatabaseHandle } from '../src/database/database';

/**
 * `npm run import -- <file> --force <code> [--dry-run]`
 *
 * Imports an export of an older case system (docs/import.md: CSV, one row per step, the
 * column mapping) through the one write path, as the force's import actor. Progress on
 * stderr; on stdout one JSON line per refused row (its row, line, source_ref, step, and the
 * rule that refused it), then one line with the summary. `--dry-run` decides every row on
 * the state the import would build and appends nothing.
 *
 * Exit codes: 0 every row is in the ledger (appended now or before), 1 some rows were
 * refused (the others are in), 2 usage, or a file that cannot be read as the mapping
 * (nothing appended).
 *
 * Uses DATABASE_URL, or the embedded PostgreSQL of a running service, or starts it. The
 * import's process runs the service's modules (the read models catch up as it goes) but
 * takes no requests and does not seal: the service's sealer seals the imported events.
 */
const USAGE = 'usage: npm run import -- <file> --force <code> [--dry-run]';

type ExitCode = 0 | 1 | 2;

interface Arguments {
  file: string;
  force: string;
  dryRun: boolean;
}

function readArguments(args: string[]): Arguments | undefined {
  const rest = [...args];
  let force: string | undefined;
  let dryRun = false;
  const files: string[] = [];
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '--force') force = rest.shift();
    else if (arg === '--dry-run') dryRun = true;
    else if (arg.startsWith('--')) return undefined;
    else files.push(arg);
  }
  if (files.length !== 1 || force === undefined || !FORCE_CODE.test(force)) return undefined;
  return { file: files[0], force, dryRun };
}

async function main(args: string[]): Promise<ExitCode> {
  const parsed = readArguments(args);
  if (parsed === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let content: Buffer;
  try {
    content = readFileSync(parsed.file);
  } catch (error) {
    process.stderr.write(`import: cannot read ${parsed.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  // This process takes no requests and leaves sealing to the service; its log goes to stderr, the report to stdout.
  // The service's modules load only once the command line is known to be right: a usage error answers at once.
  const [
    { createApp },
    { loadConfiguration },
    { openDatabaseForTool },
    { EventStore },
    { ImportFileRefused, LegacyImport },
    { shutdownService },
    { CommandForms },
  ] = await Promise.all([
    import('../src/bootstrap'),
    import('../src/config/configuration'),
    import('../src/database/database'),
    import('../src/event-store/event-store'),
    import('../src/import/legacy-import'),
    import('../src/shutdown'),
    import('../src/web/command-forms'),
  ]);
  const config = loadConfiguration({
    ...process.env,
    LEDGER_SEAL_EVERY_EVENTS: '0',
    LEDGER_SEAL_INTERVAL_SECONDS: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  let database: DatabaseHandle | undefined;
  let app: INestApplication | undefined;
  const bar = new SingleBar(
    { stream: process.stderr, format: `import ${basename(parsed.file)} [{bar}] {percentage}% | row {value}/{total} | {eta_formatted} left`, hideCursor: true },
    Presets.shades_classic,
  );
  try {
    database = await openDatabaseForTool(config);
    app = await createApp(config, database, { logDestination: pino.destination(2), logger: new StandardErrorLogger({ logLevels: ['error', 'warn'] }) });
    await app.init();
    const legacyImport = new LegacyImport(app.get(CommandForms), app.get(EventStore));
    let started = false;
    const report = await legacyImport.run(content, {
      force: parsed.force,
      fileName: basename(parsed.file),
      dryRun: parsed.dryRun,
      onProgress: (done, total) => {
        if (!started) bar.start(Math.max(total, 1), done);
        started = true;
        bar.update(done);
      },
    });
    bar.stop();
    const { refusals, ...summary } = report;
    for (const refusal of refusals) process.stdout.write(`${JSON.stringify({ refused: refusal })}\n`);
    process.stdout.write(`${JSON.stringify({ summary })}\n`);
    return summary.refused === 0 ? 0 : 1;
  } catch (error) {
    bar.stop();
    if (error instanceof ImportFileRefused) {
      process.stderr.write(`import: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await shutdownService(app, database);
  }
}

/** Nest's console logger writes warnings to stdout; this command's stdout is its report. */
class StandardErrorLogger extends ConsoleLogger {
  protected printMessages(messages: unknown[], context?: string, logLevel?: LogLevel, _stream?: 'stdout' | 'stderr', errorStack?: unknown): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`import: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
