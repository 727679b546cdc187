/**
 * The HTTP request that sends a case command (docs/api.md's command table), read from the
 * controller's own decorators: the route of each step, its commands and roles. The tests
 * send the seed stories through it, and `npm run demo` loads its cases the same way, so
 * neither keeps a second map of routes.
 */
import { PATH_METADATA } from '@nestjs/common/constants';
import { CASE_ROUTE_COMMANDS, commandsOf } from './case.command-routes';
import type { RouteCommands } from './case.command-routes';
import type { CaseCommand } from './case.command-types';
import { CaseCommandsController } from './case.controller';
import { REQUIRED_ROLES } from '../http/roles';
import type { Role } from '../http/roles';

/** @nestjs/swagger's metadata key of @ApiOperation. */
const API_OPERATION = 'swagger/apiOperation';

/** A case step route as the controller declares it (its `@Post` path under `/cases/:caseId/`, `@CaseStep` commands, roles, operationId). */
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
