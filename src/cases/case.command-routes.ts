/**
 * What every case command route of case.controller.ts carries besides its `@Post`: who may
 * send it, its OpenAPI answers, its operationId and a summary naming the events it appends,
 * and (as metadata) the command it sends, or one per value of the body's `action`
 * (docs/api.md: "with `action`: ...").
 */
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiCommand, Roles } from '../http';
import { problemResponse } from '../http/api-docs';
import type { Role } from '../http';
import { COMMAND_EVENT } from './case.command-types';
import type { CaseCommand, CaseCommandType } from './case.command-types';

/**
 * Who records the steps of a case: investigators, the appropriate authority (whose
 * decisions, severity and case to answer, are steps too), and the DCC. INSPECTOR and
 * AUDITOR only read.
 */
export const CASE_RECORDERS: readonly Role[] = ['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY', 'DCC'];

/** The command a route sends: one, or one per value of the body's `action`. */
export type RouteCommands = CaseCommandType | { readonly [action: string]: CaseCommandType };

/** Metadata key of the commands a route sends (read by the tests that send plain commands). */
export const CASE_ROUTE_COMMANDS = 'ledger:caseRouteCommands';

const NOT_FOUND = problemResponse(404, 'No such case in a force the actor acts for.');

/** A case command route: `@Post(path) @CaseStep('AddSubject')`, or `@CaseStep('RecordAppealStep', APPEAL_ACTION_COMMANDS)`. */
export function CaseStep(name: CaseCommandType): MethodDecorator;
export function CaseStep(name: string, commands: RouteCommands, roles?: readonly Role[]): MethodDecorator;
export function CaseStep(name: string, commands: RouteCommands = name as CaseCommandType, roles: readonly Role[] = CASE_RECORDERS): MethodDecorator {
  return applyDecorators(
    Roles(...roles),
    ApiCommand('caseId'),
    NOT_FOUND,
    ApiOperation({ operationId: name, summary: describeCommands(commands) }),
    SetMetadata(CASE_ROUTE_COMMANDS, commands),
  );
}

/** The command types a route may send, with the `action` that chooses each (undefined for a one-command route). */
export function commandsOf(commands: RouteCommands): { action?: string; type: CaseCommandType }[] {
  if (typeof commands === 'string') return [{ type: commands }];
  return Object.entries(commands).map(([action, type]) => ({ action, type }));
}

/** "Appends SubjectSuspended (action SUSPEND), ..." for the OpenAPI summary. */
export function describeCommands(commands: RouteCommands): string {
  const events = commandsOf(commands).map(({ action, type }) => COMMAND_EVENT[type] + (action ? ` (action ${action})` : ''));
  return `Appends ${events.join(', ')}`;
}

/** What the body of a subject's route carries for command T: its fields but the ids in the path (distributes over a union). */
type SubjectBodyOf<T extends CaseCommandType> = T extends CaseCommandType ? Omit<Extract<CaseCommand, { type: T }>, 'type' | 'caseId' | 'subjectId'> : never;

/**
 * The command a body with `action` means on a route whose action chooses it: the body's
 * other fields, the ids the path gives, and the command type.
 */
export function chosenCommand<A extends string, T extends CaseCommandType>(
  commands: { readonly [K in A]: T },
  ids: { caseId: string; subjectId: string },
  body: SubjectBodyOf<T> & { action: A },
): CaseCommand {
  const { action, ...fields } = body;
  const type: T | undefined = Object.hasOwn(commands, action) ? commands[action] : undefined;
  // The body's validation admits only the route's actions, so only a programming error gets here.
  if (type === undefined) throw new Error(`no case command for action ${action}`);
  // The compiler cannot see that these fields rebuild the command: the body's class lists the fields of every action's command.
  const built: unknown = { ...fields, ...ids, type };
  return built as CaseCommand;
}
