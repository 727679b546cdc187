import { INestApplication } from '@nestjs/common';
import { AlertReactor } from '../../src/alerts/alert-reactor';
import { createApp } from '../../src/bootstrap';
import { loadConfiguration } from '../../src/config/configuration';
import { signToken } from '../../src/http/token';

/** The service on a bench database (no seals, no rate limit: one user reads flat out), listening locally, with a national DCC's headers for its reads. */
export interface ReadApp {
  app: INestApplication;
  /** `http://127.0.0.1:<port>/api/v1` */
  base: string;
  headers: Record<string, string>;
  /**
   * How long after listening the service took to read the ledger to its end at start-up (the
   * alert reactor keeps its facts in memory and rebuilds them from the first event): reads are
   * timed after it, in the steady state, not against a start-up's replay.
   */
  catchUpSeconds: number;
}

export async function startReadApp(databaseUrl: string, secret: string, purpose: string): Promise<ReadApp> {
  const config = loadConfiguration({
    DATABASE_URL: databaseUrl,
    LEDGER_JWT_SECRET: secret,
    LOG_LEVEL: 'silent',
    LEDGER_SEAL_EVERY_EVENTS: '0',
    LEDGER_SEAL_INTERVAL_SECONDS: '0',
    LEDGER_RATE_LIMIT_PER_MINUTE: '0',
  });
  const app = await createApp(config, { url: databaseUrl, embedded: false, stop: async () => undefined });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const listening = performance.now();
  await app.get(AlertReactor).whenCaughtUp();
  const catchUpSeconds = (performance.now() - listening) / 1000;
  const token = signToken({ userId: 'bench', name: 'Bench', roles: ['DCC'], force: '*', expiresInSeconds: 3600 }, config.jwt);
  return {
    app,
    base: `http://127.0.0.1:${address.port}/api/v1`,
    headers: { Authorization: `Bearer ${token}`, 'X-Access-Purpose': purpose },
    catchUpSeconds,
  };
}
