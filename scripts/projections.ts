import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { Pool } from 'pg';
import { PROJECTIONS } from '../projections';
import { ProjectionRunner } from '../projections/runner/projection-runner';
import { ProjectionStore } from '../projections/runner/projection-store';
import { loadConfiguration } from '../src/config/configuration';
import { openDatabaseForTool } from '../src/database/database';
import { guardPool } from '../src/database/pools';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { resolveMasterKey } from '../src/vault/master-key';
import { Vault } from '../src/vault/vault';
import { formatPosition } from '../src/event-store/position';

/**
 * `npm run projections -- <command>`
 *
 *   status             each projection's generations, checkpoints, events applied and the
 *                      events it parked (could not apply and went past)
 *   rebuild <name>     replay the ledger into a fresh generation of <name> and swap readers
 *                      over to it; a running service keeps serving the old one until then
 *                      and follows the new one afterwards. Progress on stderr. An event it
 *                      cannot apply stops it, naming the event's id, type and position.
 *
 * Uses DATABASE_URL, or the embedded PostgreSQL of a running service, or starts it.
 */
const USAGE = `usage: npm run projections -- status | rebuild <${PROJECTIONS.map((p) => p.name).join('|') || 'name'}>`;

async function main([command, name]: string[]): Promise<number> {
  if (command !== 'status' && command !== 'rebuild') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const definition = PROJECTIONS.find((projection) => projection.name === name);
  if (command === 'rebuild' && !definition) {
    process.stderr.write(`unknown projection ${name ?? '(none given)'}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfiguration();
  const database = await openDatabaseForTool(config);
  // A lost connection (the database restarted mid-rebuild) fails the command; it must not crash it.
  const pool = guardPool(new Pool({ connectionString: database.url, max: 4 }), 'projections-tool');
  const store = new PostgresEventStore(pool);
  try {
    if (command === 'status') {
      const projections = new ProjectionStore(pool);
      const head = await store.headPosition();
      // Parked events of a projection this version does not define (one removed, or a test's) are shown too.
      const known = new Set(PROJECTIONS.map((projection) => projection.name));
      const { rows } = await pool.query<{ projection: string }>('SELECT DISTINCT projection FROM projection_parked_events ORDER BY projection');
      const others = rows.map((row) => ({ name: row.projection, version: null })).filter((projection) => !known.has(projection.name));
      const report = await Promise.all(
        [...PROJECTIONS, ...others].map(async (projection) => ({
          name: projection.name,
          version: projection.version,
          generations: (await projections.generations(projection.name)).map((generation) => ({
            ...generation,
            checkpoint: formatPosition(generation.checkpoint),
          })),
          parkedEvents: await projections.parked(projection.name),
        })),
      );
      process.stdout.write(`${JSON.stringify({ head: formatPosition(head), projections: report }, null, 2)}\n`);
      return 0;
    }
    const head = await store.headPosition();
    const bar = new SingleBar(
      {
        stream: process.stderr,
        format: `rebuild ${name} [{bar}] {percentage}% | position {value}/{total} | {events} events | {eta_formatted} left`,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(Math.max(1, Number(head.commit) + 1), 0, { events: 0 });
    // The search read model indexes the free text: it opens the vault as the service does.
    const vault = new Vault(pool, resolveMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir, embedded: database.embedded }).key);
    const runner = new ProjectionRunner(store, pool, definition!, {
      vault,
      onProgress: ({ eventsApplied, checkpoint }) => bar.update(Math.min(Number(checkpoint.commit) + 1, Number(head.commit) + 1), { events: eventsApplied }),
    });
    const started = Date.now();
    // An unfinished rebuild (killed half way) is resumed: its rows and checkpoint agree.
    const generation = await runner.rebuild();
    bar.update(Math.max(1, Number(head.commit) + 1));
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${JSON.stringify({ projection: name, generation: generation.generation, eventsApplied: generation.eventsApplied, seconds, checkpoint: formatPosition(generation.checkpoint) })}\n`,
    );
    return 0;
  } finally {
    await store.close();
    await pool.end();
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`projections: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
