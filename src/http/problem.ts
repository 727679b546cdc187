import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

/**
 * RFC 9457 problem details: the body of every error the API answers. Each kind of
 * problem has its own `type`, so a client can tell, say, a rule's refusal from a reused
 * Idempotency-Key although both are 422.
 */
export interface FieldError {
  /** Dotted path of the field (`detail.code`), or the header's name. */
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Present on every 400. */
  errors?: FieldError[];
  /** Extension members, e.g. `rule` (422) and `currentRevision` (409). */
  [extension: string]: unknown;
}

export type ProblemKind =
  | 'bad-request'
  | 'validation-failed'
  | 'malformed-json'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'wrong-expected-revision'
  | 'rule-refused'
  | 'idempotency-key-reused'
  | 'idempotency-key-in-use'
  | 'read-models-behind'
  | 'service-unavailable'
  | 'storage-unavailable'
  | 'internal-error'
  | 'personal-data-erased'
  | 'too-many-requests'
  | 'request-timeout'
  | 'headers-too-large'
  | 'http-error';

export const PROBLEM_TYPE_PREFIX = 'urn:integrity-ledger:problem:';

/** An HTTP error with a problem body; the one exception filter sends it as it is. */
export class Problem extends HttpException {
  constructor(
    readonly details: ProblemDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(details.detail, details.status);
    this.name = 'Problem';
  }
}

export function problem(
  status: number,
  kind: ProblemKind,
  detail: string,
  options: { errors?: FieldError[]; extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Problem {
  const errors = status === 400 ? (options.errors ?? []) : options.errors;
  return new Problem(
    {
      type: PROBLEM_TYPE_PREFIX + kind,
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail,
      ...(errors ? { errors } : {}),
      ...options.extensions,
    },
    options.headers,
  );
}

/** A request header that is present but malformed. */
export function badHeader(header: string, message: string): Problem {
  return problem(400, 'bad-request', `The ${header} header is malformed: ${message}.`, { errors: [{ field: header, message }] });
}

export function unauthenticated(reason = 'A bearer token is required.'): Problem {
  // RFC 6750: a 401 names the scheme the client should use.
  return problem(401, 'unauthenticated', reason, { headers: { 'WWW-Authenticate': 'Bearer realm="integrity-ledger"' } });
}
