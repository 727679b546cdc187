/**
 * Issue 11, item 7: a frozen database (a server that accepts bytes and never answers) must
 * give errors, not hangs. The service reaches its database through a proxy that the test
 * freezes: requests and /health answer 503 within the configured timeouts, and everything
 * works again once the proxy thaws.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AddressInfo, createServer, Server, Socket, connect } from 'node:net';
import request from 'supertest';
import { createApp } from '../../src/bootstrap';
import { loadConfiguration } from '../../src/config/configuration';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { referralBody } from '../cases/every-route';
import { createTestDatabase, TestDatabase } from '../support/database';
import { testDataDir } from '../support/data-dir';

/** A TCP proxy to PostgreSQL that can stop passing bytes (both ways, new connections too). */
class FreezableProxy {
  private readonly sockets = new Set<Socket>();
  private readonly held: (() => void)[] = [];
  private frozen = false;
  readonly server: Server;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => {
      const open = (): void => {
        const upstream = connect(this.target.port, this.target.host);
        for (const socket of [client, upstream]) {
          this.sockets.add(socket);
          socket.on('close', () => this.sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream);
        upstream.pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        if (this.frozen) {
          client.pause();
          upstream.pause();
        }
      };
      client.on('error', () => undefined);
      if (this.frozen) this.held.push(open);
      else open();
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as AddressInfo).port)));
  }

  freeze(): void {
    this.frozen = true;
    for (const socket of this.sockets) socket.pause();
  }

  thaw(): void {
    this.frozen = false;
    for (const socket of this.sockets) socket.resume();
    for (const open of this.held.splice(0)) open();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

async function timed<T>(work: () => PromiseLike<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

describe('a frozen database', () => {
  let database: TestDatabase;
  let proxy: FreezableProxy;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url);
    proxy = new FreezableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(await proxy.listen());
    url.host = `127.0.0.1:${url.port}`;
    const config = loadConfiguration({
      LEDGER_DATA_DIR: testDataDir(),
      LOG_LEVEL: 'silent',
      LEDGER_RATE_LIMIT_PER_MINUTE: '0',
      LEDGER_JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_URL: url.toString(),
      LEDGER_DB_CONNECT_TIMEOUT_MS: '1000',
      LEDGER_DB_STATEMENT_TIMEOUT_MS: '1000',
    });
    app = await createApp(config, { url: url.toString(), embedded: false, stop: async () => undefined });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    proxy.thaw();
    await app.close();
    await proxy.close();
    await database.drop();
  });

  it('gives 503s within the timeouts while frozen, not hangs, and works again once it thaws', async () => {
    const http = () => request(app.getHttpServer());
    const writer = bearer(loadConfiguration({ LEDGER_JWT_SECRET: TEST_JWT_SECRET }), { roles: ['PSD_INVESTIGATOR'] });
    const open = (): PromiseLike<request.Response> =>
      http()
        .post('/api/v1/cases')
        .set('Authorization', writer)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(referralBody(randomUUID())));
    expect((await open()).status).toBe(201);

    proxy.freeze();
    const [health, list, command] = await Promise.all([
      timed(() => http().get('/health')),
      timed(() => http().get('/api/v1/cases').set('Authorization', writer)),
      timed(open),
    ]);
    // statement 1 s + the client's 5 s margin; a connection waits 1 s at most.
    const within = 12_000;
    expect({
      health: [health.result.status, health.ms < within],
      list: [list.result.status, list.ms < within],
      command: [command.result.status, command.ms < within],
    }).toEqual({
      health: [503, true],
      list: [503, true],
      command: [503, true],
    });

    proxy.thaw();
    const deadline = Date.now() + 30_000;
    let healthy = await http().get('/health');
    while (healthy.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      healthy = await http().get('/health');
    }
    expect(healthy.status).toBe(200);
    expect((await open()).status).toBe(201);
  }, 90_000);
});
