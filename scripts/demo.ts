import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { parseArgs } from 'node:util';
import { createApp } from '../src/bootstrap';
import { CLOCK } from '../src/common/clock';
import type { Clock } from '../src/common/clock';
import { loadConfiguration } from '../src/config/configuration';
import { openDatabase } from '../src/database/database';
import { DEMO_FORCES, demoStories } from './demo/demo-data';
import { sendDemo } from './demo/send-demo';

/**
 * `npm run demo -- [--months 12] [--cases-per-month 8] [--seed 14]`
 *
 * Fills the ledger so every page has real content: the ten seed stories, then for each of
 * two forces (HAMPSHIRE and THAMES_VALLEY) `months` of synthetic cases at every stage, the
 * registers of their subjects and colleagues, and recommendations (scripts/demo/demo-data.ts).
 * Everything goes through the HTTP API of the service, started here on the same database
 * `npm start` uses (DATABASE_URL, or the embedded PostgreSQL under LEDGER_DATA_DIR, which
 * must not be running: stop the service first), each command with an Idempotency-Key derived
 * from what it does: run again, nothing is appended twice. A progress bar on stderr; one
 * JSON line on stdout with what was appended, replayed and refused.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      months: { type: 'string', default: '12' },
      'cases-per-month': { type: 'string', default: '8' },
      seed: { type: 'string', default: '14' },
    },
  });
  const months = Number(values.months);
  const casesPerMonth = Number(values['cases-per-month']);
  const seed = Number(values.seed);
  if (![months, casesPerMonth, seed].every((value) => Number.isInteger(value) && value >= 0) || months > 120) {
    process.stderr.write('usage: npm run demo -- [--months 12] [--cases-per-month 8] [--seed 14]\n');
    return 2;
  }
  // The loader is one user sending thousands of commands: the per-user rate limit would only slow it.
  const config = loadConfiguration({ ...process.env, LEDGER_RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
  const database = await openDatabase(config);
  process.stderr.write(database.embedded ? `Embedded PostgreSQL started (data in ${config.dataDir}).\n` : 'Using the PostgreSQL of DATABASE_URL.\n');
  const app = await createApp(config, database);
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const today = app.get<Clock>(CLOCK).today();
    const stories = demoStories({ months, casesPerMonth, seed, today });
    const bar = new SingleBar(
      {
        stream: process.stderr,
        format: 'demo [{bar}] {percentage}% | {value}/{total} stories | {appended} appended, {already} already there | {duration_formatted}',
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(stories.length, 0, { appended: 0, already: 0 });
    const tally = await sendDemo({
      baseUrl,
      jwt: config.jwt,
      stories,
      onStory: (done, { appended, alreadyThere }) => bar.update(done, { appended, already: alreadyThere }),
    });
    bar.stop();
    const counts = Object.fromEntries(
      ['seed story', 'case', 'register', 'recommendation'].map((kind) => [kind, stories.filter((story) => story.kind === kind).length]),
    );
    process.stdout.write(`${JSON.stringify({ forces: DEMO_FORCES, today, stories: counts, ...tally })}\n`);
    process.stderr.write('Done. Start the service with `npm start` and sign in at http://localhost:3000/sign-in (development sign-in).\n');
    return 0;
  } finally {
    await app.close();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
