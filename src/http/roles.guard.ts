import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ledgerRequest } from './actor';
import { problem, unauthenticated } from './problem';
import { REQUIRED_ROLES, Role } from './roles';

/** Enforces @Roles: the actor must hold at least one of the route's roles, else 403. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (required === undefined) return true;
    const request = ledgerRequest(context);
    // Guards run in registration order; do not rely on the authentication guard having run.
    if (!request.actor) throw unauthenticated(request.authenticationProblem);
    const actorRoles = request.actor.roles;
    if (required.some((role) => actorRoles.includes(role))) return true;
    throw problem(403, 'forbidden', `This needs one of the roles ${required.join(', ')}.`);
  }
}
