/**
 * The next-step forms of a case, derived from the case command routes and their body
 * validation (docs/web.md): nothing here names a command. The routes are found on the
 * controllers whose methods carry @CaseStep (src/cases/case.command-routes.ts) and on any
 * route carrying its aggregate as metadata (`@CommandStep`, or `@CommandAggregate` alone:
 * src/common/command-routes.ts); each route's
 * fields come from the OpenAPI document the service publishes, which the body classes'
 * field decorators write (src/common/dto-fields.ts). A new command added by the README's
 * recipe gets its form with no page code.
 *
 * A form is sent as the route's own HTTP request would be handled (`send`): the route's
 * roles as RolesGuard checks them, its path and body through the one ValidationPipe, its
 * CommandContext from the request's Idempotency-Key and If-Match, then the route's own
 * method, which sends its WriteCommand down the one write path (src/common/write-path.ts).
 */
import { Injectable } from '@nestjs/common';
import { CUSTOM_ROUTE_ARGS_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { ArgumentMetadata, Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CASE_ROUTE_COMMANDS, commandsOf } from '../cases/case.command-routes';
import type { RouteCommands } from '../cases/case.command-routes';
import { COMMAND_STEP_AGGREGATE } from '../common/command-routes';
import { API_PREFIX } from '../http/configure-http';
import type { LedgerRequest } from '../http/actor';
import { REQUIRED_ROLES } from '../http/roles';
import type { Role } from '../http/roles';
import { roleRefusal } from '../http/roles.guard';
import { createValidationPipe } from '../http/validation';
import { REGISTER_READERS } from '../registers/person-access';
import { formFields } from './form-fields';
import type { FormField } from './form-fields';

/** One command route, as a form. */
export interface CommandForm {
  operationId: string;
  /** "Appends SubjectAdded", from the route's OpenAPI summary. */
  summary: string;
  /** The route's path in the API, e.g. `/api/v1/cases/{caseId}/subjects/{subjectId}/suspension`. */
  apiPath: string;
  /**
   * Whose command it is, the id the page's path names: `caseId` for a case step, `personId` for
   * a register entry, `alertId` or `thresholdId` for an alert's handling or a force's threshold,
   * `recommendationId`, `force`...: a route's `@CommandStep` aggregate.
   */
  aggregateId: string;
  /** The path parameters besides the case's or person's own id (`subjectId`, `businessInterestId`), chosen on the form. */
  pathChoices: string[];
  /** Who may send it (the route's @Roles). */
  roles: readonly Role[];
  fields: FormField[];
  /** The case commands the route sends (one, or one per `action`); none for a register route or a case route of another kind. */
  commands: string[];
  /** Whether it opens a case (a case route with no caseId in its path). */
  opensCase: boolean;
  /**
   * Whether it is a step of the case's life (a route of the case controller, `@CaseStep`),
   * offered among the case's next steps and sent at the case's revision; a command route on a
   * case of another kind (`@CommandAggregate('caseId')`: a reader's conflict, a document's
   * supersession) is not.
   */
  caseStep: boolean;
}

interface RouteArgument {
  index: number;
  kind: 'params' | 'body' | 'custom';
  metatype?: Type<unknown>;
  factory?: (data: unknown, context: ExecutionContextHost) => unknown;
  data?: unknown;
}

interface CommandRoute {
  form: CommandForm;
  instance: object;
  method: string;
  arguments: RouteArgument[];
}

@Injectable()
export class CommandForms {
  private readonly routes = new Map<string, CommandRoute>();
  private readonly validation = createValidationPipe();

  constructor(private readonly discovery: DiscoveryService) {}

  /** Reads the routes and their fields; called once the OpenAPI document is built (configureHttp). */
  load(document: OpenAPIObject): void {
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      const controller = wrapper.metatype as Type<unknown> | undefined;
      if (!instance || !controller) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      const methods = Object.getOwnPropertyNames(prototype).filter((name) => name !== 'constructor' && typeof prototype[name] === 'function');
      const caseRoutes = methods.some((name) => Reflect.getMetadata(CASE_ROUTE_COMMANDS, prototype[name] as object) !== undefined);
      for (const method of methods) {
        const handler = prototype[method] as object;
        if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST) continue;
        // A case controller's routes are case steps; any other route with `@CommandStep` (or
        // `@CommandAggregate`) is a command step on its aggregate (a person's register entry, an
        // erasure, an alert, a recommendation...).
        const aggregate = Reflect.getMetadata(COMMAND_STEP_AGGREGATE, handler) as unknown;
        if (caseRoutes) this.add(document, { instance, controller, method, handler }, 'caseId', true);
        else if (typeof aggregate === 'string') this.add(document, { instance, controller, method, handler }, aggregate, false);
      }
    }
  }

  /** Every case step, in the order the controller declares them. */
  steps(): CommandForm[] {
    return [...this.routes.values()].map((route) => route.form).filter((form) => form.caseStep && !form.opensCase);
  }

  /**
   * The command routes on a case that are not steps of its life (`@CommandAggregate('caseId')`
   * on another controller: a reader's own conflict, a document's supersession), which the case
   * page offers beside what each is about: on the case, or on the row of what its path's other
   * id names.
   */
  caseForms(): CommandForm[] {
    return [...this.routes.values()].map((route) => route.form).filter((form) => form.aggregateId === 'caseId' && !form.caseStep);
  }

  /** The form that opens a case (ReceiveReferral). */
  opening(): CommandForm | undefined {
    return [...this.routes.values()].map((route) => route.form).find((form) => form.opensCase);
  }

  /**
   * Every register entry a person's record takes (the command steps on `personId` under
   * /people/{personId} that a reader of the record may send), in the order the controllers
   * declare them. The record's page is drawn for its readers only: a route none of them may
   * send is not a register's (the erasure routes, an ADMIN's, who reads no person; their page
   * is /erasure, src/web/erasure-pages.controller.ts).
   */
  registerSteps(): CommandForm[] {
    return this.stepsUnder('people').filter(
      (form) => form.aggregateId === 'personId' && form.roles.some((role) => (REGISTER_READERS as readonly Role[]).includes(role)),
    );
  }

  /** Every alert and threshold command (set or remove a threshold, acknowledge or disposition an alert). */
  alertSteps(): CommandForm[] {
    return this.stepsUnder('alerts');
  }

  /** The command steps (not case steps) whose API path is under `/api/v1/<resource>`, in the order the controllers declare them. */
  stepsUnder(resource: string): CommandForm[] {
    const root = `/${API_PREFIX}/${resource}`;
    return [...this.routes.values()]
      .map((route) => route.form)
      .filter((form) => form.aggregateId !== 'caseId' && (form.apiPath === root || form.apiPath.startsWith(`${root}/`)));
  }

  form(operationId: string): CommandForm | undefined {
    return this.routes.get(operationId)?.form;
  }

  /**
   * Sends the command as its route would handle the HTTP request: the request carries the
   * session's actor and the form's Idempotency-Key and If-Match headers (set by the caller).
   * Throws what the route would answer with: a Problem (400 validation, 403 roles) or the
   * write path's errors (DomainError, WrongExpectedRevisionError, NotFoundError).
   */
  async send(operationId: string, request: LedgerRequest, response: Response, params: Record<string, string>, body: object): Promise<unknown> {
    const route = this.routes.get(operationId);
    if (!route) throw new Error(`no command route ${operationId}`);
    if (!request.actor) throw new Error('a command needs an actor');
    const refusal = roleRefusal(route.form.roles, request.actor);
    if (refusal !== undefined) throw refusal;
    const context = new ExecutionContextHost([request, response, () => undefined]);
    const args: unknown[] = [];
    for (const argument of route.arguments) {
      if (argument.kind === 'custom') args[argument.index] = argument.factory?.(argument.data, context);
      else {
        const value = argument.kind === 'params' ? params : body;
        const metadata: ArgumentMetadata = { type: argument.kind === 'params' ? 'param' : 'body', metatype: argument.metatype, data: undefined };
        args[argument.index] = await this.validation.transform(value, metadata);
      }
    }
    const handler = (route.instance as Record<string, (...values: unknown[]) => Promise<unknown>>)[route.method];
    return handler.apply(route.instance, args);
  }

  private add(
    document: OpenAPIObject,
    { instance, controller, method, handler }: { instance: object; controller: Type<unknown>; method: string; handler: object },
    aggregateId: CommandForm['aggregateId'],
    caseStep: boolean,
  ): void {
    const apiPath = apiPathOf(controller, handler);
    const item = document.paths[apiPath]?.post;
    if (!item) throw new Error(`${controller.name}.${method}: POST ${apiPath} is not in the OpenAPI document`);
    const operationId = item.operationId;
    if (operationId === undefined) throw new Error(`${controller.name}.${method} has no operationId: every command route needs one for its form`);
    const pathParameters = [...apiPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    const roles = (Reflect.getMetadata(REQUIRED_ROLES, handler) ?? Reflect.getMetadata(REQUIRED_ROLES, controller) ?? []) as Role[];
    const form: CommandForm = {
      operationId,
      summary: item.summary ?? '',
      apiPath,
      aggregateId,
      commands: commandsOf((Reflect.getMetadata(CASE_ROUTE_COMMANDS, handler) as RouteCommands | undefined) ?? {}).map(({ type }) => type),
      pathChoices: pathParameters.filter((name) => name !== aggregateId),
      roles,
      fields: formFields(document, item),
      opensCase: caseStep && !pathParameters.includes('caseId'),
      caseStep,
    };
    this.routes.set(operationId, { form, instance, method, arguments: routeArguments(controller, method) });
  }
}

function apiPathOf(controller: Type<unknown>, handler: object): string {
  const parts = [API_PREFIX, Reflect.getMetadata(PATH_METADATA, controller) as string, Reflect.getMetadata(PATH_METADATA, handler) as string];
  const path = parts
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment !== '')
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment))
    .join('/');
  return `/${path}`;
}

/** The route's parameters: its path parameters and body (each with its class), and custom ones (@CommandContext). */
function routeArguments(controller: Type<unknown>, method: string): RouteArgument[] {
  const declared = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { index: number; data?: unknown; factory?: RouteArgument['factory']; pipes?: unknown[] }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, method) ?? []) as Type<unknown>[];
  return Object.entries(declared).map(([key, value]) => {
    const [type] = key.split(':');
    if (key.includes(CUSTOM_ROUTE_ARGS_METADATA)) return { index: value.index, kind: 'custom', factory: value.factory, data: value.data };
    const kind = Number(type) === RouteParamtypes.PARAM ? 'params' : Number(type) === RouteParamtypes.BODY ? 'body' : undefined;
    // A route reading anything else (a single path parameter, a query, a pipe of its own) would be sent differently over HTTP.
    if (kind === undefined || value.data !== undefined || (value.pipes ?? []).length > 0) {
      throw new Error(`${controller.name}.${method}: a command route's form takes @Param() ids, @Body() and custom parameters only`);
    }
    return { index: value.index, kind, metatype: types[value.index] };
  });
}

/** The request a form's command is sent as, over the page's own (its actor, headers, correlation id). */
export function commandRequest(request: Request, headers: { idempotencyKey: string; revision?: number }, apiPath: string): LedgerRequest {
  const sent = Object.create(request) as LedgerRequest & { commandContext?: unknown };
  sent.commandContext = undefined;
  Object.defineProperty(sent, 'headers', {
    value: {
      ...request.headers,
      'idempotency-key': headers.idempotencyKey,
      ...(headers.revision === undefined ? {} : { 'if-match': `"${headers.revision}"` }),
    },
  });
  Object.defineProperty(sent, 'originalUrl', { value: apiPath });
  return sent;
}
