/**
 * One structured JSON line (pino) per request, written when the response is finished:
 * method, the route's pattern (never the URL as sent), status, duration, correlation id
 * and user id. Nothing else of the request is logged: no headers (so no Authorization
 * token), no query string, no body; personal data lives only in bodies and the vault.
 * The redaction paths are a second guard should anyone log a request or its headers.
 */
import type { NextFunction, Request, Response } from 'express';
import pino, { DestinationStream, Logger } from 'pino';
import type { LedgerRequest } from './actor';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'token',
  'req.body',
  'body',
  'res.headers["set-cookie"]',
];

export function createRequestLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'integrity-ledger' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

/** The matched route's pattern (`/api/v1/cases/:caseId/history`), or `(unmatched)`: ids in the URL never reach the log. */
function routePattern(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  const base = request.baseUrl ?? '';
  return typeof route?.path === 'string' ? `${base}${route.path}` : '(unmatched)';
}

export function requestLogMiddleware(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const ledgerRequest = request as LedgerRequest;
      const status = response.statusCode;
      const line = {
        msg: 'request',
        method: request.method,
        route: routePattern(request),
        status,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        correlationId: ledgerRequest.correlationId,
        userId: ledgerRequest.actor?.userId ?? null,
      };
      if (status >= 500) logger.error(line);
      else if (status >= 400) logger.warn(line);
      else logger.info(line);
    });
    next();
  };
}
