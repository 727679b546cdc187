/**
 * Concurrent users walking cases through their lifecycle (scripts/load/lifecycle.ts) against
 * a service process, keeping what the fault tests check afterwards: every command that got
 * a 2xx and the events it appended, every command whose answer was lost or refused by a
 * fault, every read served, and every answer that was neither (a 500, a wrong 4xx).
 */
import { randomUUID } from 'node:crypto';
import { loadConfiguration } from '../../src/config/configuration';
import { caseLifecycle, LoadRequest, send, Tokens } from '../../scripts/load/lifecycle';
import { PROCESS_JWT_SECRET } from '../resilience/service-process';

export interface Acknowledged {
  request: LoadRequest;
  caseId?: string;
  eventIds: string[];
}

export interface Unanswered {
  request: LoadRequest;
  caseId?: string;
  /** Who sent it: a replay of an Idempotency-Key is for its sender only. */
  tokens: Tokens;
  /** 0: no answer (connection refused or reset, timed out); otherwise the status. */
  status: number;
  contentType: string;
}

export interface DriverOptions {
  users: number;
  /** Where the service is now (it changes when a test starts another process). */
  baseUrl: () => string;
  /**
   * What a user does after a failed request: 'stop' (kill -9: the process is gone) or
   * 'pause' (the database is away: wait, then start a new case).
   */
  onFailure: 'stop' | 'pause';
  timeoutMs?: number;
}

export class LoadDriver {
  readonly acknowledged: Acknowledged[] = [];
  /** Commands that got no 2xx: resent with their Idempotency-Key afterwards. */
  readonly unanswered: Unanswered[] = [];
  /** Reads of a case served (200), per reader's user id. */
  readonly served = new Map<string, number>();
  /** Answers no fault explains: a 500, or a 4xx to a request the lifecycle makes correctly. */
  readonly unexpected: { path: string; status: number; body: unknown }[] = [];
  /** Every failed answer's status (0: none), with how long it took. */
  readonly failures: { status: number; ms: number; contentType: string }[] = [];
  readonly users: Tokens[];
  private stopped = false;
  private readonly loops: Promise<void>[];

  constructor(private readonly options: DriverOptions) {
    const jwt = loadConfiguration({ LEDGER_JWT_SECRET: PROCESS_JWT_SECRET }).jwt;
    this.users = Array.from({ length: options.users }, () => new Tokens(jwt, randomUUID()));
    this.loops = this.users.map((tokens) => this.user(tokens));
  }

  get commandsAcknowledged(): number {
    return this.acknowledged.filter((entry) => entry.request.kind === 'command').length;
  }

  get readsServed(): number {
    return [...this.served.values()].reduce((sum, n) => sum + n, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }

  private async user(tokens: Tokens): Promise<void> {
    while (!this.stopped) {
      const caseId = randomUUID();
      let waitForPosition: string | undefined;
      for (const request of caseLifecycle(caseId)) {
        if (this.stopped) return;
        const answer = await send(this.options.baseUrl(), request, tokens, { timeoutMs: this.options.timeoutMs, waitForPosition });
        if (answer.status >= 200 && answer.status < 300) {
          waitForPosition = answer.position ?? waitForPosition;
          if (request.method === 'POST')
            this.acknowledged.push({ request, caseId: request.kind === 'command' ? caseId : undefined, eventIds: answer.eventIds });
          if (request.kind === 'case-read') this.served.set(tokens.userOf(request.role), (this.served.get(tokens.userOf(request.role)) ?? 0) + 1);
          continue;
        }
        this.failures.push({ status: answer.status, ms: answer.ms, contentType: answer.contentType });
        if (answer.status !== 0 && answer.status !== 503) this.unexpected.push({ path: request.path, status: answer.status, body: answer.body });
        if (request.method === 'POST')
          this.unanswered.push({
            request,
            caseId: request.kind === 'command' ? caseId : undefined,
            tokens,
            status: answer.status,
            contentType: answer.contentType,
          });
        if (this.options.onFailure === 'stop') return;
        // The case is left where it is: its failed command is resent after the fault.
        await new Promise((resolve) => setTimeout(resolve, 500));
        break;
      }
    }
  }
}
