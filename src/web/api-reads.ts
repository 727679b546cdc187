/**
 * A page reads through an API route's own method, as that route would answer its HTTP GET
 * (docs/web.md, "How a page reaches the data"): the page route carries the API route's
 * roles, guards and projections (`@AsApiRead`), so the same guards run on the page; then
 * `ApiReads.read` builds the route's arguments as Nest would (its query through the one
 * ValidationPipe with the route's query class, its path parameters through their pipes,
 * `@CurrentActor`, `@AccessPurpose` and the other custom parameters from the request) and
 * calls the method. Nothing here reads a table: the route's method does, with its
 * need-to-know and access recording.
 */
import { applyDecorators, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform, Type } from '@nestjs/common';
import { CUSTOM_ROUTE_ARGS_METADATA, GUARDS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModuleRef } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { Request, Response } from 'express';
import { READS_PROJECTIONS } from '../http/read-your-writes';
import { REQUIRED_ROLES } from '../http/roles';
import type { Role } from '../http/roles';
import { roleRefusal } from '../http/roles.guard';
import { createValidationPipe } from '../http/validation';
import type { Actor } from '../http';

type RouteMethod<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T] & string;

/** The roles an API route requires (its own @Roles, else its controller's), or undefined for any signed-in actor. */
export function rolesOfRoute<T>(controller: Type<T>, method: RouteMethod<T>): readonly Role[] | undefined {
  const handler = (controller.prototype as Record<string, object>)[method];
  return (Reflect.getMetadata(REQUIRED_ROLES, handler) ?? Reflect.getMetadata(REQUIRED_ROLES, controller)) as Role[] | undefined;
}

/** Whether the actor holds a role the API route requires (for the links a page offers). */
export function mayRead<T>(actor: Pick<Actor, 'roles'> | undefined, controller: Type<T>, method: RouteMethod<T>): boolean {
  if (actor === undefined) return false;
  const roles = rolesOfRoute(controller, method);
  return roles === undefined || roles.some((role) => actor.roles.includes(role));
}

/**
 * On a page route that reads through an API route: that route's roles, its own guards (the
 * purpose-of-access guard of a case read) and the read models it waits for, copied from it,
 * so the page is refused, recorded and kept consistent exactly as the route is.
 */
export function AsApiRead<T>(controller: Type<T>, method: RouteMethod<T>): MethodDecorator {
  const handler = (controller.prototype as Record<string, object>)[method];
  const roles = rolesOfRoute(controller, method);
  const guards = (Reflect.getMetadata(GUARDS_METADATA, handler) ?? []) as Type<unknown>[];
  const projections = (Reflect.getMetadata(READS_PROJECTIONS, handler) ?? Reflect.getMetadata(READS_PROJECTIONS, controller)) as string[] | undefined;
  return applyDecorators(
    ...(roles === undefined ? [] : [SetMetadata(REQUIRED_ROLES, roles)]),
    ...(guards.length === 0 ? [] : [UseGuards(...guards)]),
    ...(projections === undefined ? [] : [SetMetadata(READS_PROJECTIONS, projections)]),
  );
}

interface DeclaredArgument {
  index: number;
  data?: unknown;
  factory?: (data: unknown, context: ExecutionContextHost) => unknown;
  pipes?: (Type<PipeTransform> | PipeTransform)[];
}

@Injectable()
export class ApiReads {
  private readonly validation = createValidationPipe();

  constructor(private readonly modules: ModuleRef) {}

  /**
   * Calls the API route's method as Nest would for a GET with this query and these path
   * parameters; `headers` are added to the page request's own (an `Accept`, for one). Throws
   * what the route would answer with (a Problem: 400, 403, 404).
   */
  async read<T, R>(
    controller: Type<T>,
    method: RouteMethod<T>,
    page: { request: Request; response: Response },
    given: { query?: Record<string, unknown>; params?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<R> {
    const request = readRequest(page.request, given.headers ?? {});
    const actor = (request as Request & { actor?: Actor }).actor;
    if (actor !== undefined) {
      const refusal = roleRefusal(rolesOfRoute(controller, method), actor);
      if (refusal !== undefined) throw refusal;
    }
    const context = new ExecutionContextHost([request, page.response, () => undefined]);
    const declared = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, DeclaredArgument>;
    const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, method) ?? []) as Type<unknown>[];
    const args: unknown[] = [];
    for (const [key, argument] of Object.entries(declared)) {
      const type = Number(key.split(':')[0]);
      if (key.includes(CUSTOM_ROUTE_ARGS_METADATA)) {
        args[argument.index] = argument.factory?.(argument.data, context);
      } else if (type === RouteParamtypes.REQUEST) {
        args[argument.index] = request;
      } else if (type === RouteParamtypes.RESPONSE) {
        args[argument.index] = page.response;
      } else if (type === RouteParamtypes.QUERY && argument.data === undefined) {
        const metadata: ArgumentMetadata = { type: 'query', metatype: types[argument.index], data: undefined };
        args[argument.index] = await this.validation.transform(given.query ?? {}, metadata);
      } else if (type === RouteParamtypes.PARAM && argument.data === undefined) {
        const metadata: ArgumentMetadata = { type: 'param', metatype: types[argument.index], data: undefined };
        args[argument.index] = await this.validation.transform(given.params ?? {}, metadata);
      } else if (type === RouteParamtypes.PARAM && typeof argument.data === 'string') {
        let value: unknown = given.params?.[argument.data];
        for (const pipe of argument.pipes ?? []) {
          const instance = typeof pipe === 'function' ? this.pipe(pipe) : pipe;
          value = await instance.transform(value, { type: 'param', metatype: types[argument.index], data: argument.data });
        }
        args[argument.index] = value;
      } else {
        throw new Error(
          `${controller.name}.${method}: a page reads routes taking @Query() and @Param() objects, @Param(name), @Req, @Res and custom parameters only`,
        );
      }
    }
    const instance = this.modules.get(controller, { strict: false }) as Record<string, (...values: unknown[]) => Promise<R> | R>;
    return instance[method](...args);
  }

  private pipe(type: Type<PipeTransform>): PipeTransform {
    try {
      return this.modules.get(type, { strict: false });
    } catch {
      return new type();
    }
  }
}

/** The request a read is made with: the page's own (its actor, its purpose, its correlation id), with these headers added. */
function readRequest(request: Request, headers: Record<string, string>): Request {
  if (Object.keys(headers).length === 0) return request;
  const sent = Object.create(request) as Request;
  const merged = { ...request.headers, ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])) };
  Object.defineProperty(sent, 'headers', { value: merged });
  return sent;
}
