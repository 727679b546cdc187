/**
 * What a route declares in the OpenAPI document. A command route gets its answers from the
 * route table (`@CaseStep`, `@CommandStep`: both apply ApiCommand); a read route names its
 * body with `@ReadRoute`. What every route shares (401, 403, 429, 503, the rate-limit
 * headers, the roles that may call it) is added once to the whole document by
 * completeDocument (contract/complete-document.ts).
 */
import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { ResponseTypeName } from './contract/response-types';

/** The name of the problem+json body of every error (docs/api.md, "Errors") in components.schemas. */
export const PROBLEM = 'Problem';

export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'An error (RFC 9457 problem details; docs/api.md, "Errors").',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: 'The kind of problem, e.g. `validation-failed`, `rule-refused`, `not-found`' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      description: '400: each field that is wrong',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
    rule: { type: 'string', description: 'A refusal (403, 404, 409, 422): the name of the rule that refused the command' },
    confidence: {
      type: 'string',
      enum: ['PARTLY_CONFIRMED', 'UNCONFIRMED'],
      description: '422: present when the rule rests on a fact docs/domain/regulations.md marks ◐ (partly confirmed) or ✖ (unconfirmed): not stated as law',
    },
    currentRevision: { type: 'integer', nullable: true, description: '409: the revision the stream is at' },
  },
};

/** The 201 of every command, besides the aggregate's id under its own name (components.schemas). */
export const APPENDED = 'Appended';

export const APPENDED_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['revision', 'position', 'events'],
  properties: {
    revision: { type: 'integer', description: 'The stream revision after the append (also the ETag)' },
    position: { type: 'string', description: 'The global position of the last event (also X-Ledger-Position)' },
    events: {
      type: 'array',
      items: { type: 'object', required: ['eventId', 'type'], properties: { eventId: { type: 'string', format: 'uuid' }, type: { type: 'string' } } },
    },
  },
};

export const componentRef = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject;

export function problemResponse(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, content: { 'application/problem+json': { schema: componentRef(PROBLEM) } } });
}

/**
 * Documents a command endpoint: its optional headers, the 201 answer naming `ids` (the
 * aggregate's, e.g. `caseId`, and those of what it created, e.g. `businessInterestId`) and
 * the problems it may answer.
 */
export function ApiCommand(ids: string | readonly string[] = 'caseId'): MethodDecorator {
  const named = typeof ids === 'string' ? [ids] : [...ids];
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', format: 'uuid' },
      description: 'A UUID. The same key with the same body returns the first response again and appends nothing; with another body: 422.',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      schema: { type: 'string', pattern: '^"\\d+"$' },
      description: 'The revision you last saw, quoted ("3"): the command is refused (409) if the stream has moved on.',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      schema: { type: 'string', format: 'uuid' },
      description: 'A UUID stamped on the events; generated when absent.',
    }),
    ApiResponse({
      status: 201,
      description: 'Appended.',
      headers: {
        ETag: { description: 'The new revision, quoted', schema: { type: 'string' } },
        'X-Ledger-Position': {
          description: 'The global position of the last event: send it as X-Wait-For-Position to read your write',
          schema: { type: 'string' },
        },
        'Idempotent-Replayed': {
          description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key (nothing was appended)',
          schema: { type: 'string', enum: ['true'] },
        },
      },
      content: {
        'application/json': {
          schema: {
            allOf: [componentRef(APPENDED), { type: 'object', required: named, properties: Object.fromEntries(named.map((id) => [id, { type: 'string' }])) }],
          },
        },
      },
    }),
    problemResponse(400, 'Malformed or invalid input; `errors` names each field.'),
    problemResponse(
      409,
      'The stream is not at the If-Match revision (`currentRevision` says where it is), or what the command creates already exists (`rule` names it), ' +
        'or a request with the same Idempotency-Key is still running.',
    ),
    problemResponse(413, 'The body is larger than the limit.'),
    problemResponse(415, 'The body is not JSON.'),
    problemResponse(422, 'A rule refused the command (`rule` names it), or an Idempotency-Key was reused for another request.'),
  );
}

export interface ReadRouteOptions {
  /** PascalCase, verb first: `ReadCase`, `ListCases`. */
  operationId: string;
  summary: string;
  /** The 200 body: a ResponseTypes member (contract/response-types.ts), or a schema. */
  response: ResponseTypeName | SchemaObject;
  description?: string;
  /** The route answers `text/csv` as well, to `Accept: text/csv`. */
  csv?: boolean;
  /** When it answers 404, what that means. */
  notFound?: string;
  /** When it answers 200 with something else than the read (e.g. /health's 503 with the same body), or 400 for its own reasons. */
  also?: { status: number; description: string; sameBody?: boolean }[];
}

/** A read route's operationId, summary and answers: `@Get(':caseId') @ReadRoute({ operationId: 'ReadCase', response: 'CaseStatusItem', ... })`. */
export function ReadRoute(options: ReadRouteOptions): MethodDecorator {
  const body = typeof options.response === 'string' ? componentRef(options.response) : options.response;
  const content: Record<string, { schema: SchemaObject }> = { 'application/json': { schema: body } };
  if (options.csv) content['text/csv'] = { schema: { type: 'string', description: 'The same figures, one row per figure (RFC 4180)' } };
  return applyDecorators(
    ApiOperation({ operationId: options.operationId, summary: options.summary, description: options.description }),
    ApiResponse({ status: 200, description: 'OK', content }),
    ...(options.notFound === undefined ? [] : [problemResponse(404, options.notFound)]),
    ...(options.also ?? []).map(({ status, description, sameBody }) =>
      sameBody ? ApiResponse({ status, description, content: { 'application/json': { schema: body } } }) : problemResponse(status, description),
    ),
  );
}
