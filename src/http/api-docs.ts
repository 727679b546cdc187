import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The problem+json body of every error (docs/api.md, "Errors"), for the OpenAPI document. */
const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
    rule: { type: 'string', description: 'A refusal (403, 404, 409, 422): the name of the rule that refused the command' },
    confidence: {
      type: 'string',
      enum: ['PARTLY_CONFIRMED', 'UNCONFIRMED'],
      description: '422: present when the rule rests on a fact docs/domain/regulations.md marks ◐ (partly confirmed) or ✖ (unconfirmed): not stated as law',
    },
    currentRevision: { type: 'integer', nullable: true, description: '409: the revision the stream is at' },
  },
};

function problemResponse(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } } });
}

/**
 * Documents a command endpoint: its optional headers, the 201 answer with `aggregateId`
 * (e.g. `caseId`) and the problems it may answer.
 */
export function ApiCommand(aggregateId = 'caseId'): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A UUID. The same key with the same body returns the first response again and appends nothing; with another body: 422.',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The revision you last saw, quoted ("3"): the command is refused (409) if the stream has moved on.',
    }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'A UUID stamped on the events; generated when absent.' }),
    ApiResponse({
      status: 201,
      description: 'Appended.',
      headers: {
        ETag: { description: 'The new revision, quoted', schema: { type: 'string' } },
        'X-Ledger-Position': {
          description: 'The global position of the last event: send it as X-Wait-For-Position to read your write',
          schema: { type: 'string' },
        },
      },
      schema: {
        type: 'object',
        required: [aggregateId, 'revision', 'position', 'events'],
        properties: {
          [aggregateId]: { type: 'string' },
          revision: { type: 'integer' },
          position: { type: 'string' },
          events: { type: 'array', items: { type: 'object', properties: { eventId: { type: 'string', format: 'uuid' }, type: { type: 'string' } } } },
        },
      },
    }),
    problemResponse(400, 'Malformed or invalid input; `errors` names each field.'),
    problemResponse(401, 'Missing or bad bearer token.'),
    problemResponse(403, 'The actor has none of the roles the command needs.'),
    problemResponse(
      409,
      'The stream is not at the If-Match revision (`currentRevision` says where it is), or what the command creates already exists (`rule` names it).',
    ),
    problemResponse(422, 'A rule refused the command (`rule` names it), or an Idempotency-Key was reused for another request.'),
  );
}
