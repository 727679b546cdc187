/**
 * The HTTP server's defences against slow clients (slowloris): a client that trickles its
 * headers or its body holds a socket and a parser for as long as the server lets it. Node
 * allows 60 s for headers and 300 s for a whole request by default, and looks for late
 * requests only every 30 s; here the limits come from the configuration
 * (LEDGER_HTTP_*_TIMEOUT_MS) and are checked every second. A late request is answered 408
 * and its connection closed; other clients are served meanwhile.
 */
import type { Server } from 'node:http';
import type { AppConfig } from '../config/configuration';

const CHECK_EVERY_MS = 1000;

export function applyServerTimeouts(server: Server, settings: AppConfig['http']): void {
  server.headersTimeout = settings.headersTimeoutMs;
  server.requestTimeout = settings.requestTimeoutMs;
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  // An option of http.createServer, which Nest calls for us; the server reads it when it starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = CHECK_EVERY_MS;
}
