import { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { DatabaseHandle } from './database/database';

/** In-flight requests get this long to finish before their connections are closed. */
const DRAIN_MS = 5000;

/**
 * Stops the service in the order that loses nothing: stop taking requests and let those in
 * flight finish (each served read has put its access record in the recorder's buffer); then
 * Nest's hooks flush the access recorder, stop the sealer, the projections and the
 * subscriptions, and close the pools; the embedded database stops last, once nothing uses it.
 */
export async function shutdownService(app: INestApplication | undefined, database: DatabaseHandle | undefined): Promise<void> {
  try {
    if (app) {
      await stopTakingRequests(app.getHttpServer() as Server);
      await app.close();
    }
  } finally {
    await database?.stop();
  }
}

/** Closes the listener and waits for the requests in flight, closing idle keep-alive connections as they come free. */
export async function stopTakingRequests(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  server.closeIdleConnections();
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
}
