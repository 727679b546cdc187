/**
 * A process that reserves an Idempotency-Key the way the service does for a command and is
 * then killed outright (SIGKILL) before it runs the command: the crash of issue 11, item 9.
 * Run by idempotent-recovery.test.ts with DATABASE_URL and RESERVATION (JSON) set; with
 * THEN=wait it says `reserved` on stdout and stays alive (holding the key) until killed.
 */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { IdempotencyStore } from '../../src/http/idempotency-store';

interface Reservation {
  userId: string;
  key: string;
  method: string;
  path: string;
  body: unknown;
}

async function main(): Promise<void> {
  const request = JSON.parse(process.env.RESERVATION ?? '') as Reservation;
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const store = new IdempotencyStore(pool);
  // The interceptor's request hash: the canonical method, path and body.
  const canonical = canonicalize({ method: request.method, path: request.path, body: request.body }) ?? '';
  const requestHash = createHash('sha256').update(canonical, 'utf8').digest('hex');
  const reservation = await store.reserve({ userId: request.userId, key: request.key, requestHash });
  if (reservation.outcome !== 'reserved') throw new Error(`expected to reserve the key, got ${reservation.outcome}`);
  if (process.env.THEN !== 'wait') process.kill(process.pid, 'SIGKILL');
  process.stdout.write('reserved\n');
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
