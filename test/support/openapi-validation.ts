/**
 * Every answer the test suite receives over HTTP, checked against the OpenAPI document the
 * service serves: the status must be declared for the operation, and the body must match
 * the schema declared for that status and media type. A route whose answer drifts from the
 * document fails the test that called it. (startTestApp hooks this into `http()`.)
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Response, Test } from 'supertest';

type Json = { [key: string]: unknown };

const HOW_TO_DECLARE =
  "Declare it in the route's decorators: a read route with @ReadRoute({ operationId, summary, response, notFound }) (src/http/api-docs.ts), " +
  'a command route through the route table (@CaseStep / @CommandStep), or a status every route shares in src/http/contract/complete-document.ts ' +
  '(README, "Adding an event, a command, a read model").';

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** Templated segments: a literal path wins over a template. */
  parameters: number;
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

/** OpenAPI 3.0's `nullable` in JSON Schema's words, for Ajv. */
function jsonSchemaOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonSchemaOf);
  if (typeof value !== 'object' || value === null) return value;
  const { nullable, ...rest } = value as Json;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, item]) => [key, jsonSchemaOf(item)]));
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly operations: Operation[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();
  /** The operations answered so far, by operationId (for a test of coverage). */
  readonly seen = new Set<string>();

  private readonly sharedResponses: Operation['responses'];

  constructor(readonly document: OpenAPIObject) {
    this.sharedResponses = (document.components?.responses ?? {}) as Operation['responses'];
    addFormats(this.ajv);
    this.ajv.addSchema({ components: jsonSchemaOf(document.components) }, 'openapi');
    for (const [template, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, Json>)) {
        if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
        const parameters = (template.match(/\{[^}]+\}/g) ?? []).length;
        const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern,
          parameters,
          operationId: String(operation.operationId ?? `${method} ${template}`),
          responses: operation.responses as Operation['responses'],
        });
      }
    }
    this.operations.sort((a, b) => a.parameters - b.parameters);
  }

  /** What is wrong with the answer, or undefined when the document declares it. */
  check(method: string, url: string, status: number, contentType: string | undefined, body: unknown, text: string | undefined): string | undefined {
    const path = new URL(url, 'http://service').pathname;
    const operation = this.operations.find((candidate) => candidate.method === method.toUpperCase() && candidate.pattern.test(path));
    const said = `${method.toUpperCase()} ${path} answered ${status}`;
    if (operation === undefined) {
      // Outside the API (pages, assets, the docs page), or a path no route serves and refused (4xx; the
      // URL parser may also have normalised a path such as `/cases/.` that the server matched otherwise):
      // nothing declared to check against. An unknown path that succeeds or fails with a 5xx still fails.
      if (!path.startsWith('/api/v1/') || (status >= 400 && status < 500)) return undefined;
      return `${said}, but no operation of the OpenAPI document serves ${method.toUpperCase()} ${path}. ${HOW_TO_DECLARE}`;
    }
    this.seen.add(operation.operationId);
    const found = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`] ?? operation.responses.default;
    // A shared answer (401, 429, ...) is a reference into components.responses.
    const reference = (found as { $ref?: string } | undefined)?.$ref;
    const declared = reference === undefined ? found : this.sharedResponses[reference.replace('#/components/responses/', '')];
    if (declared === undefined) {
      return `${said}, a status the OpenAPI document does not declare for ${operation.operationId} (it declares ${Object.keys(operation.responses).join(', ')}). ${HOW_TO_DECLARE}`;
    }
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    const hasBody = (text ?? '').length > 0;
    if (!hasBody) return undefined;
    const content = declared.content ?? {};
    const key = mediaType === undefined ? undefined : Object.keys(content).find((candidate) => candidate.toLowerCase() === mediaType);
    if (key === undefined) {
      return `${said} with a ${mediaType ?? 'typeless'} body, but ${operation.operationId} declares ${
        Object.keys(content).length === 0 ? 'no body' : Object.keys(content).join(', ')
      } for ${status}. ${HOW_TO_DECLARE}`;
    }
    if (content[key].schema === undefined) return undefined;
    const validate = this.validator(operation, String(status), key, content[key].schema);
    const value = key.includes('json') ? body : text;
    if (validate(value)) return undefined;
    const errors = (validate.errors ?? [])
      .slice(0, 8)
      .map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
    return `${said}: its body does not match the ${key} schema ${operation.operationId} declares for ${status} in the OpenAPI document:\n  ${errors.join('\n  ')}\nbody: ${JSON.stringify(value).slice(0, 600)}`;
  }

  private validator(operation: Operation, status: string, mediaType: string, schema: Json): ValidateFunction {
    const key = `${operation.method} ${operation.template} ${status} ${mediaType}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      // References point into the document's components, added above as the schema "openapi".
      const rewritten = JSON.parse(JSON.stringify(jsonSchemaOf(schema)).replace(/"#\/components\//g, '"openapi#/components/')) as Json;
      validate = this.ajv.compile(rewritten);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/** The answers every test gets from `http()` pass through here; an answer the document does not declare fails the request. */
export function validatingAgent<A extends object>(agent: A, validator: ResponseValidator): A {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !['get', 'post', 'put', 'delete', 'patch', 'head', 'options'].includes(String(property))) return value;
      return (...args: unknown[]) => {
        const test = (value as (...a: unknown[]) => Test).apply(target, args);
        const method = String(property).toUpperCase();
        const url = String(args[0]);
        const assert = (
          test as unknown as { assert: (error: Error | null, response: Response, done: (error: Error | null, response: Response) => void) => void }
        ).assert;
        // After the test's own expectations: those fail first, with their own messages.
        (test as unknown as { assert: typeof assert }).assert = function (this: Test, error, response, done) {
          assert.call(this, error, response, (failure, answered) => {
            if (failure === null && response !== undefined) {
              const problem = validator.check(
                method,
                url,
                response.status,
                response.headers['content-type'] as string | undefined,
                response.body,
                response.text,
              );
              if (problem !== undefined) return done(new Error(problem), answered);
            }
            done(failure, answered);
          });
        };
        return test;
      };
    },
  });
}
