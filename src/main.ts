import 'reflect-metadata';
import { createApp } from './bootstrap';
import { loadConfiguration } from './config/configuration';
import { openDatabase } from './database/database';

async function main(): Promise<void> {
  const config = loadConfiguration();
  if (config.jwt.jwksUrl !== undefined) {
    process.stdout.write(
      `RS256 tokens are checked against the JWKS of ${config.jwt.jwksUrl}` +
        (config.jwt.usingDevelopmentSecret ? ' (the development HS256 secret is not accepted).\n' : '; HS256 tokens signed with LEDGER_JWT_SECRET are accepted too.\n'),
    );
  } else if (config.jwt.usingDevelopmentSecret) {
    process.stdout.write(
      'LEDGER_JWT_SECRET is not set: using the development secret. Do not run like this in production.\n' +
        'Get a development token with: npm run token -- --role DCC --force HAMPSHIRE\n',
    );
  }
  const database = await openDatabase(config);
  process.stdout.write(database.embedded ? `Embedded PostgreSQL started (data in ${config.dataDir}).\n` : 'Using the PostgreSQL of DATABASE_URL.\n');
  const app = await createApp(config, database).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });

  // Stop the embedded database only after Nest has closed every connection to it.
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received: stopping.\n`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen(config.port, '0.0.0.0');
  process.stdout.write(`Integrity Ledger listening on http://localhost:${config.port} (API /api/v1, docs /api/docs, health /health)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Integrity Ledger failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
