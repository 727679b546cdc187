import { json } from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { LedgerRequest } from './actor';
import { findUnstorableJson } from './json-safety';
import { Problem, problem } from './problem';

export const JSON_BODY_LIMIT = '1mb';
const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Reads JSON bodies, and turns every way a body can be wrong into a problem (400, 413,
 * 415) instead of a 500. Only an authenticated request's body is read: a stranger is
 * refused (401) by the guards without it, so an anonymous megabyte costs nothing to parse.
 */
export function jsonBodyMiddleware(multipartPaths: readonly RegExp[] = []) {
  const parse = json({ limit: JSON_BODY_LIMIT, type: JSON_TYPES });
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!(request as LedgerRequest).actor) return next();
    // Path and query text reach SQL as parameters; PostgreSQL text cannot hold NUL.
    if (/%00/.test(request.originalUrl)) return next(problem(400, 'bad-request', 'The URL may not contain the NUL character (%00).'));
    // A route that takes a multipart form reads it itself (multer, with its own limits).
    if (request.is('multipart/form-data') && multipartPaths.some((path) => path.test(request.path))) return next();
    if (hasContent(request) && !request.is(JSON_TYPES)) {
      return next(problem(415, 'unsupported-media-type', 'The request body must be JSON (Content-Type: application/json).'));
    }
    parse(request, response, (error?: unknown) => {
      if (error) return next(bodyReadProblem(error));
      next(checkParsedBody(request.body));
    });
  };
}

function hasContent(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function checkParsedBody(body: unknown): Problem | undefined {
  if (body === undefined) return undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return problem(400, 'malformed-json', 'The request body must be a JSON object.');
  }
  const unstorable = findUnstorableJson(body);
  if (!unstorable) return undefined;
  const what = unstorable.field === 'body' ? 'The request body is refused' : 'The request body holds a value that cannot be stored';
  return problem(400, 'validation-failed', `${what}: ${unstorable.message}.`, {
    errors: [unstorable],
  });
}

/** body-parser's errors carry a `type`; their messages may quote the body, so none is passed on. */
function bodyReadProblem(error: unknown): unknown {
  const type = typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
  switch (type) {
    case 'entity.parse.failed':
      return problem(400, 'malformed-json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return problem(413, 'payload-too-large', `The request body is larger than ${JSON_BODY_LIMIT}.`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problem(415, 'unsupported-media-type', 'The request body must be UTF-8 JSON, optionally gzip, deflate or br encoded.');
    default:
      // A client that hung up or sent a broken length; anything not a 4xx is ours to log.
      return status >= 400 && status < 500 ? problem(status, 'bad-request', 'The request body could not be read.') : error;
  }
}
