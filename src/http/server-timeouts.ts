/**
 * The HTTP server's defences against slow clients (slowloris): a client that trickles its
 * headers or its body holds a socket and a parser for as long as the server lets it. Node
 * allows 60 s for headers and 300 s for a whole request by default, and looks for late
 * requests only every 30 s; here the limits come from the configuration
 * (LEDGER_HTTP_*_TIMEOUT_MS) and are checked every second. A late request is answered 408
 * and its connection closed; other clients are served meanwhile.
 *
 * What Node's parser refuses before any route runs (a late request, headers over its limit,
 * bytes that are not HTTP) is answered here as every other error is: problem+json, then the
 * connection closed. Node's own answer to these has no body.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppConfig } from '../config/configuration';
import { problem } from './problem';
import type { ProblemKind } from './problem';

const CHECK_EVERY_MS = 1000;

export function applyServerTimeouts(server: Server, settings: AppConfig['http']): void {
  server.headersTimeout = settings.headersTimeoutMs;
  server.requestTimeout = settings.requestTimeoutMs;
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  // An option of http.createServer, which Nest calls for us; the server reads it when it starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = CHECK_EVERY_MS;
  server.on('clientError', answerClientError);
}

const CLIENT_ERRORS: Record<string, { status: number; kind: ProblemKind; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, kind: 'request-timeout', detail: 'The request was not received in time; the connection is closed.' },
  HPE_HEADER_OVERFLOW: { status: 431, kind: 'headers-too-large', detail: 'The request headers are larger than the server accepts.' },
};
const NOT_HTTP = { status: 400, kind: 'bad-request' as const, detail: 'The request is not well-formed HTTP.' };

/** Node's 'clientError': answered with a problem when nothing of an answer has been sent yet, otherwise the socket is closed. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || answering?.headersSent === true) {
    socket.destroy();
    return;
  }
  const { status, kind, detail } = CLIENT_ERRORS[error.code ?? ''] ?? NOT_HTTP;
  const details = problem(status, kind, detail).details;
  const body = JSON.stringify(details);
  socket.end(
    `HTTP/1.1 ${status} ${details.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
