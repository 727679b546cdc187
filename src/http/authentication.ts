import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { ledgerRequest, LedgerRequest } from './actor';
import { unauthenticated } from './problem';
import { IS_PUBLIC } from './public.decorator';
import { InvalidTokenError, JwtSettings, verifyToken } from './token';

/**
 * Authentication happens in a middleware, before routing and before the body is read, so
 * that it covers every path — including paths no controller serves, which must answer 401
 * to a stranger rather than reveal what exists. The middleware only records the outcome;
 * the guard below refuses, because only a route knows whether it is @Public.
 */
export function authenticationMiddleware(settings: JwtSettings) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const target = request as LedgerRequest;
    const header = request.headers.authorization;
    if (header === undefined) {
      target.authenticationProblem = 'A bearer token is required.';
      return next();
    }
    const match = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i.exec(header);
    if (!match) {
      target.authenticationProblem = 'The Authorization header must be "Bearer <token>".';
      return next();
    }
    try {
      target.actor = verifyToken(match[1], settings);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) return next(error);
      target.authenticationProblem = error.message;
    }
    next();
  };
}

/** Refuses (401) every route but the @Public ones when the middleware found no valid token. */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (isPublic(this.reflector, context)) return true;
    const request = ledgerRequest(context);
    if (!request.actor) throw unauthenticated(request.authenticationProblem);
    return true;
  }
}

export function isPublic(reflector: Reflector, context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]) === true;
}
