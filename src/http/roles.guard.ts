import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { Actor, ledgerRequest } from './actor';
import { Problem, problem, unauthenticated } from './problem';
import { REQUIRED_ROLES, Role } from './roles';

/**
 * The static side of a route guard that checks the route's @Roles itself: the guard of a read
 * that is recorded even when refused for the reader's roles (src/access/access-purpose.ts).
 * RolesGuard leaves such a route's roles to it, so the refusal is not answered before it
 * can be recorded.
 */
export interface ChecksRolesItself {
  readonly checksRoles: true;
}

/** The roles a route (or its controller) requires; undefined when it names none. */
export function requiredRoles(reflector: Reflector, context: ExecutionContext): readonly Role[] | undefined {
  return reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
}

/** The 403 for an actor holding none of `required`; undefined when they hold one (or none is required). */
export function roleRefusal(required: readonly Role[] | undefined, actor: Actor): Problem | undefined {
  if (required === undefined || required.some((role) => actor.roles.includes(role))) return undefined;
  return problem(403, 'forbidden', `This needs one of the roles ${required.join(', ')}.`);
}

/** Enforces @Roles: the actor must hold at least one of the route's roles, else 403. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = requiredRoles(this.reflector, context);
    if (required === undefined) return true;
    const request = ledgerRequest(context);
    // Guards run in registration order; do not rely on the authentication guard having run.
    if (!request.actor) throw unauthenticated(request.authenticationProblem);
    if (this.routeGuardChecksRoles(context)) return true;
    const refusal = roleRefusal(required, request.actor);
    if (refusal !== undefined) throw refusal;
    return true;
  }

  private routeGuardChecksRoles(context: ExecutionContext): boolean {
    const guards = this.reflector.getAllAndMerge<unknown[]>(GUARDS_METADATA, [context.getHandler(), context.getClass()]);
    return guards.some((guard) => typeof guard === 'function' && (guard as Partial<ChecksRolesItself>).checksRoles === true);
  }
}
