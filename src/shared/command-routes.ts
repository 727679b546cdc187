/**
 * A controller made from a table of command routes. Each row is a POST route with its own
 * path, path-parameter class, body class, roles and OpenAPI summary; the controller mounts
 * each as a method decorated as if written by hand, so Nest's validation and the OpenAPI
 * document see each row's own classes. A request becomes the row's command, goes through
 * the command bus to the one write path (write-path.ts), and is answered 201 with the ids the row names.
 *
 * (The case slice mounts its rows the same way in src/cases/case.controller.ts.)
 */
import { applyDecorators, Body, Controller, Inject, Param, Post } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommand, CommandContext, commandResponse, Roles } from '../http';
import type { CommandResponse, Role } from '../http';
import type { SliceEvent } from './stream-commands';
import { WriteCommand } from './write-path';
import type { WriteSlice } from './write-path';

export interface RouteRequest {
  params: Readonly<Record<string, string>>;
  /** The validated body's fields. */
  body: Readonly<Record<string, unknown>>;
  context: CommandContext;
}

export interface CommandRoute<C> {
  /** The OpenAPI operationId, and the method's name on the controller. */
  name: string;
  /** Under the controller's path, e.g. `:personId/business-interests`. */
  path: string;
  params: Type<object>;
  body: Type<object>;
  roles: readonly Role[];
  summary: string;
  /** The command the request means, and the ids the 201 answer names (`{ personId, businessInterestId }`). */
  toCommand(request: RouteRequest): { command: C; ids: Record<string, string> };
}

export interface CommandControllerOptions<C, Event extends SliceEvent, State> {
  /** The controller's path under /api/v1. */
  path: string;
  tag: string;
  /** The class name, for logs. */
  name: string;
  /** The slice the commands are decided and appended on. */
  slice: WriteSlice<C, Event, State>;
  routes: readonly CommandRoute<C>[];
  /** The id every answer names first (`personId`): documented as required. */
  aggregateId: string;
}

export function commandController<C, Event extends SliceEvent, State>(options: CommandControllerOptions<C, Event, State>): Type<unknown> {
  @ApiTags(options.tag)
  @Controller(options.path)
  class CommandRoutesController {
    constructor(@Inject(CommandBus) readonly commandBus: CommandBus) {}

    async run(route: CommandRoute<C>, request: RouteRequest): Promise<CommandResponse> {
      const { command, ids } = route.toCommand(request);
      const result = await this.commandBus.execute(new WriteCommand(options.slice, command, request.context));
      return commandResponse(ids, result);
    }
  }
  Object.defineProperty(CommandRoutesController, 'name', { value: options.name });
  for (const route of options.routes) mountRoute(CommandRoutesController.prototype, route, options.aggregateId);
  return CommandRoutesController;
}

interface RouteRunner<C> {
  run(route: CommandRoute<C>, request: RouteRequest): Promise<CommandResponse>;
}

/**
 * Adds `route` as the method `route.name`:
 * `@Post(path) @Roles(...) handle(@Param() params: P, @Body() body: B, @CommandContext() context)`.
 * `design:paramtypes` is what TypeScript would have emitted for those parameter types.
 */
function mountRoute<C>(prototype: RouteRunner<C>, route: CommandRoute<C>, aggregateId: string): void {
  const handle = function (this: RouteRunner<C>, params: object, body: object, context: CommandContext): Promise<CommandResponse> {
    return this.run(route, { params: { ...params } as Record<string, string>, body: { ...body } as Record<string, unknown>, context });
  };
  // The OpenAPI explorer looks metadata up by the function's own name.
  Object.defineProperty(handle, 'name', { value: route.name });
  Object.defineProperty(prototype, route.name, { value: handle, writable: true, configurable: true });
  Reflect.defineMetadata('design:paramtypes', [route.params, route.body, Object], prototype, route.name);
  Param()(prototype, route.name, 0);
  Body()(prototype, route.name, 1);
  CommandContext()(prototype, route.name, 2);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, route.name);
  if (descriptor === undefined) throw new Error(`could not mount ${route.name}`);
  applyDecorators(Post(route.path), Roles(...route.roles), ApiCommand(aggregateId), ApiOperation({ operationId: route.name, summary: route.summary }))(
    prototype,
    route.name,
    descriptor,
  );
}

/** One event type, or one per value of the body's `action` (docs/api.md: "with `action`: ..."). */
export type EventChoice<T extends string> = T | { readonly [action: string]: T };

/** "Appends VettingGranted (action GRANT), ..." for the OpenAPI summary. */
export function describeEvents(events: EventChoice<string>): string {
  if (typeof events === 'string') return `Appends ${events}`;
  return `Appends ${Object.entries(events).map(([action, type]) => `${type} (action ${action})`).join(', ')}`;
}

/**
 * The event type a body means, and its fields without the `action` that chose it. On a
 * one-event route `action` is an event field like any other (ConflictOfInterestDeclared.action).
 */
export function chooseEvent<T extends string>(events: EventChoice<T>, body: Readonly<Record<string, unknown>>): { type: T; fields: Record<string, unknown> } {
  if (typeof events === 'string') return { type: events, fields: { ...body } };
  const { action, ...fields } = body;
  const type = typeof action === 'string' && Object.hasOwn(events, action) ? events[action] : undefined;
  // The body's validation admits only the route's actions, so only a programming error gets here.
  if (type === undefined) throw new Error(`no event for action ${String(action)}`);
  return { type, fields };
}

/** What every row of a route table says, besides how a request becomes its command. */
export interface RouteSpec<T extends string> {
  name: string;
  path: string;
  params: Type<object>;
  body: Type<object>;
  roles: readonly Role[];
  events: EventChoice<T>;
}

/** The event a request chose, with the body's fields (without `action` where it chose the event). */
export interface ChosenEvent<T extends string> {
  type: T;
  fields: Record<string, unknown>;
}

/** A route whose body chooses one event of `events`; `assemble` makes it the slice's command. */
export function commandRoute<C, T extends string>(
  spec: RouteSpec<T>,
  assemble: (chosen: ChosenEvent<T>, request: RouteRequest) => { command: C; ids: Record<string, string> },
): CommandRoute<C> {
  const { events, ...route } = spec;
  return { ...route, summary: describeEvents(events), toCommand: (request) => assemble(chooseEvent(events, request.body), request) };
}

/** The id the body gives for a new thing, or one derived from the request (stable across retries with an Idempotency-Key). */
export function givenOrNewId(fields: Readonly<Record<string, unknown>>, name: string, context: CommandContext): string {
  const given = fields[name];
  return typeof given === 'string' ? given : context.newId(name);
}
