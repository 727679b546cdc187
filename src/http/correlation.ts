import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { LedgerRequest } from './actor';
import { isUuid } from './uuid';

export const CORRELATION_HEADER = 'X-Correlation-Id';

/**
 * Every request gets a correlation id: the client's `X-Correlation-Id` when it is a UUID,
 * otherwise a new one. It is echoed back, stamped on events and logged with errors, so a
 * user's report can be matched to the log without the log holding anything personal.
 */
export function correlationMiddleware() {
  return (request: Request, response: Response, next: NextFunction): void => {
    const header = request.headers['x-correlation-id'];
    const given = typeof header === 'string' ? header.trim() : '';
    const correlationId = isUuid(given) ? given.toLowerCase() : randomUUID();
    (request as LedgerRequest).correlationId = correlationId;
    response.setHeader(CORRELATION_HEADER, correlationId);
    next();
  };
}
