import { Client, Pool } from 'pg';

/**
 * Wakes caught-up subscriptions when `ledger_append` commits (it NOTIFYs
 * `ledger_appended`). One LISTEN connection per store, shared by all subscriptions. A lost
 * notification costs only latency: waiters time out and poll anyway.
 */
export class AppendNotifier {
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private waiters = new Set<() => void>();
  private closed = false;

  constructor(private readonly pool: Pool) {}

  async waitForAppend(timeoutMs: number, signal: AbortSignal): Promise<void> {
    await this.ensureListening().catch(() => undefined); // fall back to polling
    if (signal.aborted) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done);
      this.waiters.add(done);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wake of [...this.waiters]) wake();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private ensureListening(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.listen().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async listen(): Promise<void> {
    const client = new Client({ ...this.pool.options, application_name: 'ledger-notifier' });
    client.on('notification', () => {
      for (const wake of [...this.waiters]) wake();
    });
    client.on('error', () => {
      // Reconnect lazily on the next wait; until then waiters poll.
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query('LISTEN ledger_appended');
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
  }
}
