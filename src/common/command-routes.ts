/**
 * What the command routes of the registers, recommendations and workforce carry besides
 * their `@Post`: `@CommandStep` (roles, the OpenAPI answers, the operationId and a summary
 * naming the events the route appends), and the helpers their methods share. Every route is
 * a plain method of its slice's controller, sending its command to the one write path
 * (write-path.ts). (The case routes carry `@CaseStep`, src/cases/case.command-routes.ts.)
 */
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiCommand, Roles } from '../http';
import { problemResponse } from '../http/api-docs';
import type { CommandContext, Role } from '../http';

/** One event type, or one per value of the body's `action` (docs/api.md: "with `action`: ..."). */
export type EventChoice<T extends string> = T | { readonly [action: string]: T };

/** Metadata key of a command route's aggregate id (`personId`, `recommendationId`...): the pages find the register forms by it. */
export const COMMAND_STEP_AGGREGATE = 'ledger:commandStepAggregate';

/**
 * A command route's aggregate, the id its page's path names, as metadata only: for a route
 * whose contract (roles, answers, operationId, summary) is its own rather than
 * `@CommandStep`'s, such as a reader's conflict on a case or a document's supersession
 * (`@CommandAggregate('caseId')`: the case page offers its form) and the erasure routes
 * (src/vault/erasure.controller.ts, the erasure page's). It changes nothing of the contract.
 */
export const CommandAggregate = (id: string): MethodDecorator => SetMetadata(COMMAND_STEP_AGGREGATE, id);

/**
 * A command route: `@Post(path) @CommandStep('RecordDrugTest', 'DrugTestRecorded', REGISTER_RECORDERS, 'personId')`.
 * `ids`: the aggregate's id, or every id the 201 names (`['personId', 'businessInterestId']`, the aggregate's first).
 */
export function CommandStep(name: string, events: EventChoice<string>, roles: readonly Role[], ids: string | readonly string[]): MethodDecorator {
  return applyDecorators(
    Roles(...roles),
    ApiCommand(ids),
    problemResponse(404, 'What the path names is unknown, or held by a force the actor does not act for (`rule` names it).'),
    ApiOperation({ operationId: name, summary: describeEvents(events) }),
    CommandAggregate(typeof ids === 'string' ? ids : ids[0]),
  );
}

/** "Appends VettingGranted (action GRANT), ..." for the OpenAPI summary. */
export function describeEvents(events: EventChoice<string>): string {
  if (typeof events === 'string') return `Appends ${events}`;
  return `Appends ${Object.entries(events)
    .map(([action, type]) => `${type} (action ${action})`)
    .join(', ')}`;
}

/**
 * The event type a body with `action` means, and its fields without the `action` that chose
 * it. (On a one-event route `action` is an event field like any other: ConflictOfInterestDeclared.action.)
 */
export function chooseEvent<T extends string>(
  events: { readonly [action: string]: T },
  body: { action: string },
): { type: T; fields: Record<string, unknown> } {
  const { action, ...fields } = body;
  const type = Object.hasOwn(events, action) ? events[action] : undefined;
  // The body's validation admits only the route's actions, so only a programming error gets here.
  if (type === undefined) throw new Error(`no event for action ${action}`);
  return { type, fields };
}

/** The id the body gives for a new thing, or one derived from the request (stable across retries with an Idempotency-Key). */
export function givenOrNewId(given: string | undefined, name: string, context: CommandContext): string {
  return given ?? context.newId(name);
}
