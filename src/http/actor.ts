import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { unauthenticated } from './problem';
import type { Role } from './roles';

/** Who is calling, as the bearer token says. */
export interface Actor {
  userId: string;
  name: string;
  roles: Role[];
  /** Force code (e.g. `HAMPSHIRE`), or `*` for national bodies. */
  force: string;
}

/** What the plumbing's middlewares attach to every request. */
export interface LedgerRequest extends Request {
  /** Set when the bearer token was valid. */
  actor?: Actor;
  /** Why there is no actor (no token, expired, ...): the detail of the 401. */
  authenticationProblem?: string;
  correlationId?: string;
}

export function ledgerRequest(context: ExecutionContext): LedgerRequest {
  return context.switchToHttp().getRequest<LedgerRequest>();
}

/** The authenticated actor; a @Public route without a token gets a 401 if it asks for one. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = ledgerRequest(context);
  if (!request.actor) throw unauthenticated(request.authenticationProblem);
  return request.actor;
});
