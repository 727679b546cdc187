import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { createApp } from './bootstrap';
import { loadConfiguration } from './config/configuration';
import { DatabaseHandle, openDatabase } from './database/database';
import { shutdownService } from './shutdown';
import { developmentSignInAllowed } from './web/page-renderer';

/** Past this, a shutdown that is stuck gives up and exits with an error. */
const SHUTDOWN_DEADLINE_MS = 30_000;

let app: INestApplication | undefined;
let database: DatabaseHandle | undefined;
let stopping = false;

/**
 * The service owns its shutdown: the signal handlers are installed before anything starts
 * (a signal during start-up stops what has started), and the embedded database is stopped
 * only after Nest has flushed the access records and closed every connection to it.
 */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal} received: stopping.\n`);
  const deadline = setTimeout(() => {
    process.stderr.write(`shutdown did not finish in ${SHUTDOWN_DEADLINE_MS / 1000} s: exiting.\n`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  let code = 0;
  await shutdownService(app, database).catch((error: unknown) => {
    process.stderr.write(`shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
    code = 1;
  });
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));

async function main(): Promise<void> {
  const config = loadConfiguration();
  if (config.jwt.jwksUrl !== undefined) {
    process.stdout.write(
      `RS256 tokens are checked against the JWKS of ${config.jwt.jwksUrl}` +
        (config.jwt.usingDevelopmentSecret
          ? ' (the development HS256 secret is not accepted).\n'
          : '; HS256 tokens signed with LEDGER_JWT_SECRET are accepted too.\n'),
    );
  } else if (config.jwt.usingDevelopmentSecret) {
    process.stdout.write(
      'LEDGER_JWT_SECRET is not set: using the development secret. Do not run like this in production.\n' +
        'Get a development token with: npm run token -- --role DCC --force HAMPSHIRE\n',
    );
  }
  if (config.oidc !== undefined) process.stdout.write(`The pages sign in through the OpenID Connect provider ${config.oidc.issuer}.\n`);
  process.stdout.write(
    developmentSignInAllowed(config)
      ? 'Development sign-in is ON: the pages let anyone sign in as any user, role and force (http://localhost:' + String(config.port) + '/sign-in).\n'
      : 'Development sign-in is off: a real signing secret or an identity provider is configured.\n',
  );
  database = await openDatabase(config);
  process.stdout.write(database.embedded ? `Embedded PostgreSQL started (data in ${config.dataDir}).\n` : 'Using the PostgreSQL of DATABASE_URL.\n');
  if (stopping) return;
  app = await createApp(config, database);
  if (stopping) return;
  await app.listen(config.port, '0.0.0.0');
  process.stdout.write(`Integrity Ledger listening on http://localhost:${config.port} (pages /, API /api/v1, docs /api/docs, health /health)\n`);
}

main().catch(async (error: unknown) => {
  process.stderr.write(`Integrity Ledger failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  await database?.stop().catch(() => undefined);
  process.exit(1);
});
