/**
 * A port nothing listens on now, for a server a test starts in another process (a service, an
 * embedded PostgreSQL) that binds it a moment later. Not one the kernel hands out itself
 * (`listen(0)`): those come from the ephemeral range, which every outgoing connection of the
 * machine also draws its local port from, so between our check and the server's bind a client
 * socket could take it (seen in CI: EADDRINUSE on a service's port while the suite and a
 * benchmark ran). A random port below the ephemeral range, checked free, does not race with
 * outgoing connections; only another test picking the same one could, and it is retried.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Below Linux's default ephemeral range (32768–60999), above the well-known and most registered services. */
const LOWEST = 20_000;

function ephemeralStart(): number {
  try {
    const [start] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(start) && start > LOWEST + 1000 ? start : 32_768;
  } catch {
    return 32_768;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    // On every address, as the servers bind (a service listens on 0.0.0.0).
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  const highest = ephemeralStart() - 1;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = LOWEST + Math.floor(Math.random() * (highest - LOWEST + 1));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port found between ${LOWEST} and ${highest}`);
}
