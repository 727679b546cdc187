import { Logger } from '@nestjs/common';
import { Client, ClientConfig, Pool, PoolConfig } from 'pg';
import { DatabaseSettings } from '../config/configuration';

/** What a connection is for: requests, background work, or one long-held session. */
export type ConnectionPurpose = 'requests' | 'background';

/** Seconds of margin the client waits beyond the server's statement_timeout before giving up on a silent server. */
const CLIENT_MARGIN_MS = 5000;

/**
 * Connection settings for one purpose. Every wait is bounded: connecting, each statement,
 * each lock, a transaction left idle; and, because a frozen server cannot enforce its own
 * statement_timeout, the client gives up a little later on its own (query_timeout).
 * `application_name` lets an operator (and the tests) tell the service's sessions apart.
 */
export function connectionConfig(url: string, settings: DatabaseSettings, purpose: ConnectionPurpose, applicationName = `ledger-${purpose}`): ClientConfig {
  const statementTimeout = purpose === 'requests' ? settings.statementTimeoutMs : settings.backgroundStatementTimeoutMs;
  return {
    connectionString: url,
    application_name: applicationName,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: statementTimeout,
    lock_timeout: settings.lockTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    query_timeout: statementTimeout + CLIENT_MARGIN_MS,
    keepAlive: true,
  };
}

/** A pool whose clients can never crash the process with an unhandled 'error'. */
export function createPool(url: string, settings: DatabaseSettings, purpose: ConnectionPurpose): Pool {
  const config: PoolConfig = {
    ...connectionConfig(url, settings, purpose),
    max: purpose === 'requests' ? settings.requestPoolSize : settings.backgroundPoolSize,
  };
  return guardPool(new Pool(config), purpose);
}

/**
 * pg removes its own 'error' listener from a client while it is checked out, so a session
 * terminated while a caller holds it idle (a lock held between queries, a transaction
 * between statements) would emit an unhandled 'error' and end the process. Every client gets
 * a listener of its own for its whole life; the caller sees the failure on its next query,
 * and the pool drops the broken client when it is released.
 */
export function guardPool(pool: Pool, name: string): Pool {
  const logger = new Logger(`Database:${name}`);
  pool.on('error', (error) => logger.warn(`an idle connection was lost: ${describeError(error)}`));
  pool.on('connect', (client) => {
    client.on('error', (error) => logger.warn(`a connection was lost: ${describeError(error)}`));
  });
  return pool;
}

/**
 * A client of its own for a session that must outlive any pool checkout (a session lock,
 * LISTEN). `onLost` is called once if the session ends unexpectedly.
 */
export async function connectDedicated(config: ClientConfig, onLost: (error: Error) => void): Promise<Client> {
  const client = new Client(config);
  let lost = false;
  const lose = (error: Error): void => {
    if (lost) return;
    lost = true;
    onLost(error);
  };
  client.on('error', lose);
  client.on('end', () => lose(new Error('connection ended')));
  await client.connect();
  return client;
}

/** A pg error's code and class, never its message's data (it may quote a value). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`;
}

/**
 * Errors that say the database cannot be reached or did not answer in time, as opposed to a
 * fault of the request: the answer is 503 and a retry, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // 08: connection exception; 57P01-03: shutdown, crash, cannot connect now; 57014: statement
    // timeout; 55P03: lock timeout; 53300: too many connections; 55000 covers a database that
    // does not accept connections; 25P03: idle-in-transaction timeout.
    if (code.startsWith('08') || ['57P01', '57P02', '57P03', '57014', '55P03', '53300', '55000', '25P03'].includes(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) return true;
  }
  return /^(Connection terminated|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout)/.test(
    error.message,
  );
}
