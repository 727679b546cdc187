/**
 * The service for the case command tests: tokens per role and force, a plain command as
 * the HTTP request that sends it (through the routes the controller declares), and
 * the case read back from the store.
 */
import type { Response } from 'supertest';
import { requestFor } from '../../src/cases/case.command-requests';
import type { CaseCommand } from '../../src/cases/case.command-types';
import { loadCase } from '../../src/cases/case.stream';
import type { LoadedCase } from '../../src/cases/case.stream';
import { EventStore } from '../../src/event-store/event-store';
import { Vault } from '../../src/vault/vault';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { Role } from '../../src/http/roles';
import { startTestApp, TestApp } from '../support/app';
import { bearer, TEST_JWT_SECRET } from '../http/support';

export { PROBLEM_JSON } from '../http/support';

export const FORCE = 'HAMPSHIRE';

export function startCasesApp(environment: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  return startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, ...environment });
}

/**
 * The service for one test file, on its own database: started before the file's tests,
 * stopped after them. `.app` is there from the first hook or test on.
 */
export function serviceForThisFile(environment: NodeJS.ProcessEnv = {}): { readonly app: TestApp } {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startCasesApp(environment);
  });
  afterAll(async () => {
    await started?.close();
  });
  return {
    get app(): TestApp {
      if (started === undefined) throw new Error('the service starts in beforeAll');
      return started;
    },
  };
}

export interface Sender {
  role?: Role;
  force?: string;
  /** The token's `sub`; `<role>-1` by default. */
  userId?: string;
  headers?: Record<string, string>;
}

/**
 * POST `path` (under /api/v1) as a user of `role` and `force` (PSD_INVESTIGATOR of
 * HAMPSHIRE by default), with any JSON value as the body.
 */
export function post(app: TestApp, path: string, body: unknown, sender: Sender = {}): Promise<Response> {
  const authorization = bearer(app.config, {
    userId: sender.userId ?? `${(sender.role ?? 'PSD_INVESTIGATOR').toLowerCase()}-1`,
    roles: [sender.role ?? 'PSD_INVESTIGATOR'],
    force: sender.force ?? FORCE,
  });
  return app
    .http()
    .post(`/api/v1/${path}`)
    .set('Authorization', authorization)
    .set('Content-Type', 'application/json')
    .set(sender.headers ?? {})
    .send(JSON.stringify(body));
}

export { CASE_STEP_ROUTES, requestFor } from '../../src/cases/case.command-requests';
export type { CaseStepRoute, CommandRequest } from '../../src/cases/case.command-requests';

export function sendCommand(app: TestApp, command: CaseCommand, sender: Omit<Sender, 'role'> = {}): Promise<Response> {
  const request = requestFor(command);
  return post(app, request.path, request.body, { ...sender, role: request.role });
}

/** The case's stored events with their personal data opened by the vault (as stored they hold its ciphertext). */
export async function eventsOf(app: TestApp, caseId: string): Promise<RecordedEvent[]> {
  return app.app.get(Vault).open(await app.app.get(EventStore).readStream(`case-${caseId}`));
}

/** The case as the handler sees it: the stream folded with evolve. */
export function caseOf(app: TestApp, caseId: string): Promise<LoadedCase> {
  return loadCase(app.app.get(EventStore), caseId);
}
