import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { describeError, isDatabaseUnavailable } from '../database/pools';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../event-store/errors';
import { CONFIDENCE_MARKS } from '../common/confidence';
import { DomainError, NotFoundError } from '../common/domain-error';
import type { LedgerRequest } from './actor';
import { API_PREFIX } from './configure-http';
import { Problem, problem, ProblemKind, unauthenticated } from './problem';

const KIND_BY_STATUS: Record<number, ProblemKind> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

/**
 * The one exception filter: whatever was thrown, the client gets
 * `application/problem+json`. Unexpected errors become a bare 500 and are logged by class
 * and stack only — never the message, the body or a header, which may hold personal data
 * or a token.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<LedgerRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    const answer = this.toProblem(exception, request);
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(answer.details.status);
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
    response.send(JSON.stringify(answer.details));
  }

  private toProblem(exception: unknown, request: LedgerRequest): Problem {
    if (exception instanceof Problem) return exception;
    if (exception instanceof HttpException) return this.fromHttpException(exception, request);
    if (exception instanceof DomainError) return refusalProblem(exception);
    if (exception instanceof NotFoundError)
      return problem(404, 'not-found', exception.message, { extensions: exception.rule === undefined ? {} : { rule: exception.rule } });
    if (exception instanceof WrongExpectedRevisionError) {
      const current = exception.actual === 'no_stream' ? null : Number(exception.actual);
      return problem(
        409,
        'wrong-expected-revision',
        current === null
          ? 'It does not exist yet, but the request expected it at a revision.'
          : `It is now at revision ${current}, not at the revision the request expected: read it again and retry.`,
        { extensions: { currentRevision: current } },
      );
    }
    if (exception instanceof DuplicateEventIdError) {
      return problem(422, 'idempotency-key-reused', 'An Idempotency-Key or event id was used before for different content.');
    }
    if (exception instanceof InvalidAppendError) return problem(400, 'bad-request', exception.message);
    if (isDatabaseUnavailable(exception)) {
      // The database is away or did not answer in time: say so at once, do not hang or 500.
      this.logger.warn(
        `database unavailable while handling ${request.method} (correlation id ${request.correlationId ?? 'unknown'}): ${describeError(exception)}`,
      );
      return problem(503, 'service-unavailable', 'The database is not available at the moment; try again shortly.', { headers: { 'Retry-After': '5' } });
    }
    const storageFull = storageFullCode(exception);
    if (storageFull !== undefined) {
      // A full or read-only data folder: nothing was recorded (content is stored before its
      // event is appended). An operator must act: logged as an error, answered as a wait.
      this.logger.error(`storage cannot be written (${storageFull}) while handling ${request.method} (correlation id ${request.correlationId ?? 'unknown'})`);
      return problem(
        503,
        'storage-unavailable',
        'The service cannot write to its storage at the moment (no space left, or read-only); nothing was recorded: try again later.',
        {
          headers: { 'Retry-After': '30' },
        },
      );
    }
    this.logUnexpected(exception, request);
    return problem(500, 'internal-error', `Something went wrong on our side. Quote correlation id ${request.correlationId ?? 'unknown'}.`);
  }

  private fromHttpException(exception: HttpException, request: LedgerRequest): Problem {
    const status = exception.getStatus();
    // Nest's own 404 for a path no route serves. A stranger gets 401 for it instead, so the
    // API does not tell who is not signed in which paths exist.
    if (status === 404 && request.route === undefined && !request.actor && isUnderApiPrefix(request)) {
      return unauthenticated(request.authenticationProblem);
    }
    if (status >= 500) this.logUnexpected(exception, request);
    const detail = status === 404 && request.route === undefined ? `No route answers ${request.method} ${request.path}.` : messageOf(exception);
    return problem(status, KIND_BY_STATUS[status] ?? 'http-error', detail);
  }

  private logUnexpected(exception: unknown, request: LedgerRequest): void {
    const route = `${request.method} ${request.route ? String((request.route as { path: unknown }).path) : '(no route)'}`;
    const where = `${route}, correlation id ${request.correlationId ?? 'unknown'}`;
    if (!(exception instanceof Error)) {
      this.logger.error(`a non-Error value (${typeof exception}) was thrown while handling ${where}`);
      return;
    }
    const code = 'code' in exception && (typeof exception.code === 'string' || typeof exception.code === 'number') ? ` (code ${exception.code})` : '';
    this.logger.error(`${exception.constructor.name}${code} while handling ${where}`, stackFramesOf(exception));
  }
}

/** The errors of a file system that cannot take a write: no space, over quota, mounted read-only. */
const STORAGE_FULL_CODES: readonly string[] = ['ENOSPC', 'EDQUOT', 'EROFS'];

/** Not `instanceof Error`: an error of node:fs made in another realm (a test's VM) is not one of this realm's. */
function storageFullCode(exception: unknown): string | undefined {
  const code = typeof exception === 'object' && exception !== null ? (exception as { code?: unknown }).code : undefined;
  return typeof code === 'string' && STORAGE_FULL_CODES.includes(code) ? code : undefined;
}

/** A rule's refusal, answered with the status its rule declares (src/common/rule-book.ts), naming the rule. */
function refusalProblem({ rule, message, status, confidence }: DomainError): Problem {
  switch (status) {
    case 403:
      return problem(403, 'forbidden', `${rule}: ${message}.`, { extensions: { rule, reason: rule } });
    case 404:
      return problem(404, 'not-found', message, { extensions: { rule } });
    case 409:
      // The request expected nothing there (a referral for a case id that is taken), as a losing concurrent writer does.
      return problem(409, 'wrong-expected-revision', `${rule}: ${message}.`, { extensions: { rule } });
    case 422: {
      // A rule resting on a fact docs/domain/regulations.md marks ◐ or ✖ says so: it is not stated as law.
      if (confidence === undefined || confidence === 'CONFIRMED') return problem(422, 'rule-refused', `${rule}: ${message}`, { extensions: { rule } });
      const mark = `${CONFIDENCE_MARKS[confidence]} in the regulations' text`;
      return problem(422, 'rule-refused', `${rule}: ${message} [${mark}]`, { extensions: { rule, confidence } });
    }
    default: {
      const unexpected: never = status;
      throw new Error(`no answer for refusal status ${String(unexpected)}`);
    }
  }
}

function isUnderApiPrefix(request: LedgerRequest): boolean {
  const path = request.path.toLowerCase();
  return path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`);
}

function messageOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}

/** The stack without its first line, which repeats the message. */
function stackFramesOf(error: Error): string {
  const stack = error.stack ?? '';
  const firstFrame = stack.indexOf('\n    at ');
  return firstFrame < 0 ? '(no stack)' : stack.slice(firstFrame + 1);
}
