/**
 * What the OpenAPI document says of every route alike, added once after @nestjs/swagger has
 * built it from the routes' own decorators: the named schemas (Problem, Appended, the read
 * routes' bodies), the servers, the licence and the tags, and per operation the roles that
 * may call it (from its @Roles) and the answers every route shares: 401 without a token,
 * 403 for other roles, 400 for a bad parameter, 429 with the rate-limit headers, 503 when
 * the database or the read models are away.
 */
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { APPENDED, APPENDED_SCHEMA, componentRef, PROBLEM, PROBLEM_SCHEMA } from '../api-docs';
import { REQUIRED_ROLES } from '../roles';
import type { Role } from '../roles';
import RESPONSE_SCHEMAS from './response-schemas.generated.json';

/** @nestjs/swagger's metadata key of @ApiOperation. */
const API_OPERATION = 'swagger/apiOperation';

const TAG_DESCRIPTIONS: Record<string, string> = {
  cases: 'A case: its steps (commands that append events) and its reads (status, history, timeliness, export)',
  registers: "A person's integrity registers: business interests, gifts and hospitality, associations, conflicts, vetting, drug tests, system access",
  recommendations: 'Recommendations made to a force (IOPC, HMICFRS, ...) and what the force did about them',
  workforce: "A force's workforce: its members and its yearly returns",
  vault: 'Erasure of personal data from the vault',
  conflicts: 'Conflicts of interest declared on a case',
  'access-log': 'Recorded reads of cases and integrity records',
  dashboards: "The DCC's oversight dashboard",
  metrics: 'Inspection figures',
  statistics: 'The IOPC complaints and annual misconduct statistics',
  ledger: 'The ledger itself: verification, seals, proofs and the keys that sign them',
  health: 'Whether the service can serve',
};

const PROBLEM_CONTENT = { 'application/problem+json': { schema: componentRef(PROBLEM) } };

/** The headers every answer may carry, in components.headers. */
const HEADERS = {
  'RateLimit-Limit': { description: 'Requests a user may send in a minute (when the service has a rate limit)', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in this minute', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the minute is over', schema: { type: 'integer' } },
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
};

const headerRef = (name: keyof typeof HEADERS) => ({ [name]: { $ref: `#/components/headers/${name}` } });
const RATE_LIMIT_HEADERS = { ...headerRef('RateLimit-Limit'), ...headerRef('RateLimit-Remaining'), ...headerRef('RateLimit-Reset') };
const RETRY_AFTER = headerRef('Retry-After');

/** The answers every route shares, in components.responses. */
const SHARED_RESPONSES: Record<string, { status: number; response: ResponseObject }> = {
  BadRequest: {
    status: 400,
    response: { description: 'A parameter, header or body is malformed; `errors` names each.', headers: RATE_LIMIT_HEADERS, content: PROBLEM_CONTENT },
  },
  Unauthorized: { status: 401, response: { description: 'Missing or bad bearer token.', headers: RATE_LIMIT_HEADERS, content: PROBLEM_CONTENT } },
  TooManyRequests: {
    status: 429,
    response: { description: 'More requests in a minute than the limit allows.', headers: { ...RETRY_AFTER, ...RATE_LIMIT_HEADERS }, content: PROBLEM_CONTENT },
  },
  HeadersTooLarge: {
    status: 431,
    response: {
      description: 'The request headers are larger than the server accepts (answered before any route runs, then the connection is closed).',
      content: PROBLEM_CONTENT,
    },
  },
  ServiceUnavailable: {
    status: 503,
    response: {
      description: 'The database, or a read model the route waits for (X-Wait-For-Position), is not available: try again after Retry-After.',
      headers: { ...RETRY_AFTER, ...RATE_LIMIT_HEADERS },
      content: PROBLEM_CONTENT,
    },
  },
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface DocumentOptions {
  /** Paths served without a token and without a rate limit (/health). */
  publicPaths: readonly string[];
}

const DOCUMENTS = new WeakMap<INestApplication, OpenAPIObject>();

/** The document the application serves at /api/docs-json. */
export function documentOf(app: INestApplication): OpenAPIObject {
  const document = DOCUMENTS.get(app);
  if (document === undefined) throw new Error('the application has no OpenAPI document: configureHttp makes it');
  return document;
}

/** The document made whole; it is changed in place and returned. */
export function completeDocument(app: INestApplication, document: OpenAPIObject, options: DocumentOptions): OpenAPIObject {
  DOCUMENTS.set(app, document);
  const schemas = (document.components ??= {}).schemas ?? {};
  const own: Record<string, unknown> = { [PROBLEM]: PROBLEM_SCHEMA, [APPENDED]: APPENDED_SCHEMA, ...RESPONSE_SCHEMAS };
  for (const [name, schema] of Object.entries(own)) {
    if (name in schemas)
      throw new Error(`Two schemas are named ${name} in the OpenAPI document: a body class and a response type (contract/response-types.ts)`);
    schemas[name] = schema as SchemaObject;
  }
  document.components.schemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  document.components.headers = HEADERS as typeof document.components.headers;
  document.components.responses = Object.fromEntries(Object.entries(SHARED_RESPONSES).map(([name, { response }]) => [name, response]));
  document.info.license = { name: 'Proprietary: all rights reserved (package.json "license": "UNLICENSED")' };
  document.info.contact = { name: 'Integrity Ledger maintainers' };
  document.servers = [
    { url: 'https://{host}', description: "A force's deployment", variables: { host: { default: 'ledger.example.police.uk', description: 'Its host name' } } },
  ];
  const rolesById = rolesByOperationId(app);
  const used = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      for (const tag of operation.tags ?? []) used.add(tag);
      const isPublic = options.publicPaths.includes(path);
      completeOperation(operation, { method, isPublic, roles: operation.operationId === undefined ? undefined : rolesById.get(operation.operationId) });
    }
  }
  document.tags = [...used].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name }));
  return document;
}

function completeOperation(operation: OperationObject, context: { method: string; isPublic: boolean; roles: readonly Role[] | undefined }): void {
  const responses = operation.responses as Record<string, ResponseObject>;
  const problemIfAbsent = (status: number, description: string): void => {
    responses[status] ??= { description, content: PROBLEM_CONTENT };
  };
  const shared = (name: keyof typeof SHARED_RESPONSES): void => {
    responses[SHARED_RESPONSES[name].status] ??= { $ref: `#/components/responses/${name}` } as unknown as ResponseObject;
  };
  const who = context.isPublic ? 'Anyone, without a token.' : context.roles === undefined ? 'Any signed-in user.' : `Roles: ${context.roles.join(', ')}.`;
  operation.description = [operation.summary, operation.description, who].filter(Boolean).join('\n\n');
  // Any request may carry a malformed header (X-Correlation-Id, X-Wait-For-Position, ...).
  shared('BadRequest');
  shared('HeadersTooLarge');
  if (!context.isPublic) {
    shared('Unauthorized');
    if (context.roles !== undefined) problemIfAbsent(403, `The actor has none of the roles ${context.roles.join(', ')}.`);
    shared('TooManyRequests');
  }
  shared('ServiceUnavailable');
  if (!context.isPublic) {
    for (const response of Object.values(responses)) {
      if (!('$ref' in response)) response.headers = { ...RATE_LIMIT_HEADERS, ...response.headers };
    }
  }
  operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

/** Each operation's @Roles, by its operationId, read from the controllers' decorators. */
function rolesByOperationId(app: INestApplication): Map<string, readonly Role[] | undefined> {
  const found = new Map<string, readonly Role[] | undefined>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (typeof controller !== 'function') continue;
      const classRoles = Reflect.getMetadata(REQUIRED_ROLES, controller) as Role[] | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = Reflect.get(controller.prototype as object, name);
        if (typeof handler !== 'function') continue;
        const operation = Reflect.getMetadata(API_OPERATION, handler) as { operationId?: string } | undefined;
        if (operation?.operationId === undefined) continue;
        found.set(operation.operationId, (Reflect.getMetadata(REQUIRED_ROLES, handler) as Role[] | undefined) ?? classRoles);
      }
    }
  }
  return found;
}
