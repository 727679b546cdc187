import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { ledgerRequest, LedgerRequest } from './actor';
import { unauthenticated } from './problem';
import { IS_PUBLIC } from './public.decorator';
import type { Actor } from './actor';
import { JwksKeySource } from './jwks';
import { InvalidTokenError, JwtSettings, tokenHeader, verifyToken } from './token';

/**
 * Authentication happens in a middleware, before routing and before the body is read, so
 * that it covers every path — including paths no controller serves, which must answer 401
 * to a stranger rather than reveal what exists. The middleware only records the outcome;
 * the guard below refuses, because only a route knows whether it is @Public.
 */
export function authenticationMiddleware(settings: JwtSettings) {
  const jwks = settings.jwksUrl === undefined ? undefined : new JwksKeySource(settings.jwksUrl);
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
    const token = match[1];
    authenticate(token, settings, jwks).then(
      (actor) => {
        target.actor = actor;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof InvalidTokenError)) return next(error);
        target.authenticationProblem = error.message;
        next();
      },
    );
  };
}

/**
 * RS256 tokens are checked with the JWKS of LEDGER_JWT_JWKS_URL when it is set; HS256 ones
 * with LEDGER_JWT_SECRET, except that with a JWKS configured the development secret is not
 * accepted (only a secret set on purpose is).
 */
async function authenticate(token: string, settings: JwtSettings, jwks: JwksKeySource | undefined): Promise<Actor> {
  if (jwks === undefined) return verifyToken(token, settings);
  const { alg, kid } = tokenHeader(token);
  if (alg === 'RS256') return verifyToken(token, settings, await jwks.keyFor(kid));
  if (settings.usingDevelopmentSecret) throw new InvalidTokenError('The bearer token must be RS256, signed by the identity provider.');
  return verifyToken(token, settings);
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
