/**
 * Issue 17: slow clients (slowloris). Clients that trickle their headers, or send headers and
 * then trickle a body, are cut off by the HTTP server's timeouts (src/http/server-timeouts.ts:
 * 408 and the connection closed), while other clients are served meanwhile; a command whose
 * body never arrived whole appends nothing; an idle kept-alive connection is closed.
 */
import { connect, Socket } from 'node:net';
import { Pool } from 'pg';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { poolFor } from '../support/database';
import { startTestApp, TestApp } from '../support/app';
import { within } from '../support/within';

const HEADERS_TIMEOUT_MS = 2000;
const REQUEST_TIMEOUT_MS = 4000;
const KEEP_ALIVE_TIMEOUT_MS = 1000;
/** The server looks for late requests every second; a loaded machine adds its own delay. */
const SLACK_MS = 4000;
const SLOW_CLIENTS = 30;

interface SlowClient {
  socket: Socket;
  /** What the server sent, and when the connection closed (ms after the start), once it has. */
  closed: Promise<{ answer: string; afterMs: number }>;
  stop(): void;
}

/** Opens a connection that sends `first`, then `drip` every 250 ms, forever. */
function slowClient(port: number, first: string, drip: string): SlowClient {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
  socket.write(first);
  const timer = setInterval(() => socket.writable && socket.write(drip), 250);
  const closed = new Promise<{ answer: string; afterMs: number }>((resolve) =>
    socket.once('close', () => {
      clearInterval(timer);
      resolve({ answer, afterMs: Date.now() - started });
    }),
  );
  return { socket, closed, stop: () => (clearInterval(timer), socket.destroy()) };
}

describe('slow clients', () => {
  let service: TestApp;
  let port: number;
  let pool: Pool;
  const opened: SlowClient[] = [];

  beforeAll(async () => {
    service = await startTestApp({
      LEDGER_JWT_SECRET: TEST_JWT_SECRET,
      LEDGER_HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      LEDGER_HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      LEDGER_HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
    });
    port = (service.app.getHttpServer().address() as { port: number }).port;
    pool = poolFor(service.database, 2);
  });

  afterAll(async () => {
    for (const client of opened) client.stop();
    await pool.end();
    await service.close();
  });

  it('cuts off clients that trickle their headers, and serves others meanwhile', async () => {
    for (let n = 0; n < SLOW_CLIENTS; n += 1) opened.push(slowClient(port, 'GET /health HTTP/1.1\r\nHost: localhost\r\n', `X-Drip-${n}: a\r\n`));
    // While they hold their connections, others are answered, and quickly.
    const deadline = Date.now() + HEADERS_TIMEOUT_MS;
    let served = 0;
    while (Date.now() < deadline) {
      const started = Date.now();
      expect((await within(Promise.resolve(service.http().get('/health')), 2000, 'a /health answer beside the slow clients')).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
      served += 1;
    }
    expect(served).toBeGreaterThan(3);
    const cut = await within(Promise.all(opened.map((client) => client.closed)), HEADERS_TIMEOUT_MS + SLACK_MS, 'every slow client cut off');
    for (const { answer, afterMs } of cut) {
      expectTimeoutProblem(answer);
      expect(afterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    }
  }, 30_000);

  it('cuts off a command whose body trickles in, and appends nothing', async () => {
    const before = await pool.query<{ n: string }>('SELECT count(*) AS n FROM ledger_events');
    const body = JSON.stringify({ force: 'HAMPSHIRE', summary: 'A body that never arrives whole' });
    const headers =
      `POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${bearer(service.config)}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length + 100_000}\r\n\r\n`;
    const client = slowClient(port, headers + body, ' ');
    opened.push(client);
    const { answer, afterMs } = await within(client.closed, REQUEST_TIMEOUT_MS + SLACK_MS, 'the slow body cut off');
    expectTimeoutProblem(answer);
    expect(afterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    const after = await pool.query<{ n: string }>('SELECT count(*) AS n FROM ledger_events');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  }, 30_000);

  it('closes an idle kept-alive connection', async () => {
    const client = slowClient(port, 'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n', '');
    opened.push(client);
    const { answer, afterMs } = await within(client.closed, KEEP_ALIVE_TIMEOUT_MS + SLACK_MS, 'the idle connection closed');
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(afterMs).toBeGreaterThanOrEqual(KEEP_ALIVE_TIMEOUT_MS - 100);
  }, 30_000);
});

/** The raw answer to a late request: 408, as problem+json like every other error. */
function expectTimeoutProblem(answer: string): void {
  const [head, body] = answer.split('\r\n\r\n');
  const lines = head.split('\r\n');
  expect(lines[0]).toBe('HTTP/1.1 408 Request Timeout');
  expect(lines).toContain('Content-Type: application/problem+json');
  expect(JSON.parse(body)).toMatchObject({ status: 408, title: 'Request Timeout', type: expect.stringContaining('request-timeout') });
}
