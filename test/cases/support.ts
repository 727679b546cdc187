/**
 * The service for the case command tests: tokens per role and force, a plain command as
 * the HTTP request that sends it (through the routes the controller declares), and
 * the case read back from the store.
 */
import type { Response } from 'supertest';
import { PATH_METADATA } from '@nestjs/common/constants';
import { CASE_ROUTE_COMMANDS, commandsOf } from '../../src/cases/case.command-routes';
import type { RouteCommands } from '../../src/cases/case.command-routes';
import { CaseCommandsController } from '../../src/cases/case.controller';
import { REQUIRED_ROLES } from '../../src/http/roles';
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

/** A case step route as the controller declares it (its `@Post` path under `/cases/:caseId/`, `@CaseStep` commands, roles, operationId). */
/** @nestjs/swagger's metadata key of @ApiOperation. */
const API_OPERATION = 'swagger/apiOperation';

export interface CaseStepRoute {
  name: string;
  path: string;
  commands: RouteCommands;
  roles: readonly Role[];
}

/** The case step routes, read from the controller's own decorators (`POST /cases` aside). */
export const CASE_STEP_ROUTES: readonly CaseStepRoute[] = Object.getOwnPropertyNames(CaseCommandsController.prototype).flatMap((method) => {
  const handler: unknown = Reflect.get(CaseCommandsController.prototype, method);
  if (typeof handler !== 'function') return [];
  const commands = Reflect.getMetadata(CASE_ROUTE_COMMANDS, handler) as RouteCommands | undefined;
  if (commands === undefined) return [];
  const path = String(Reflect.getMetadata(PATH_METADATA, handler)).replace(/^:caseId\//, '');
  const { operationId } = Reflect.getMetadata(API_OPERATION, handler) as { operationId: string };
  return [{ name: operationId, path, commands, roles: Reflect.getMetadata(REQUIRED_ROLES, handler) as Role[] }];
});

export interface CommandRequest {
  /** Under /api/v1. */
  path: string;
  body: Record<string, unknown>;
  /** The DCC for a departure decision; otherwise an ACU investigator, who may see covert cases too. */
  role: Role;
}

/** The request docs/api.md says sends this command. */
export function requestFor(command: CaseCommand): CommandRequest {
  const { type, caseId, ...fields } = command;
  if (type === 'ReceiveReferral') return { path: 'cases', body: { caseId, ...fields }, role: 'ACU_INVESTIGATOR' };
  for (const route of CASE_STEP_ROUTES) {
    const chosen = commandsOf(route.commands).find((candidate) => candidate.type === type);
    if (chosen === undefined) continue;
    const body: Record<string, unknown> = { ...fields, ...(chosen.action === undefined ? {} : { action: chosen.action }) };
    let path = `cases/${caseId}/${route.path}`;
    if (route.path.includes(':subjectId')) {
      path = path.replace(':subjectId', String(body.subjectId));
      delete body.subjectId;
    }
    return { path, body, role: route.roles.includes('ACU_INVESTIGATOR') ? 'ACU_INVESTIGATOR' : route.roles[0] };
  }
  throw new Error(`no route sends ${type}`);
}

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
