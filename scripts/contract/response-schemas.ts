/**
 * The JSON schemas of the read routes' bodies, from their TypeScript types
 * (src/http/contract/response-types.ts), in the OpenAPI document's dialect. `npm run client`
 * writes src/http/contract/response-schemas.generated.json;
 * test/contract-http/client.test.ts fails when it is stale.
 */
import path from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { JsonSchema, settleNullable, toOpenApiSchema } from '../../src/http/contract/json-schema-to-openapi';

const ROOT = path.join(__dirname, '..', '..');
export const RESPONSE_SCHEMAS_FILE = path.join(ROOT, 'src', 'http', 'contract', 'response-schemas.generated.json');

/** Every schema by its component name: each ResponseTypes member, and the named types they use. */
export function responseSchemas(): Record<string, JsonSchema> {
  const generator = createGenerator({
    path: path.join(ROOT, 'src', 'http', 'contract', 'response-types.ts'),
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    type: 'ResponseTypes',
    skipTypeCheck: true,
    expose: 'export',
    topRef: true,
    jsDoc: 'basic',
    additionalProperties: true,
    sortProps: true,
  });
  const generated = generator.createSchema('ResponseTypes') as { definitions: Record<string, JsonSchema> };
  const { ResponseTypes: top, ...named } = generated.definitions;
  const schemas: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(named)) schemas[name] = toOpenApiSchema(schema);
  // A member that is a reference to its own name's type is that type; any other is a component of its own.
  for (const [name, schema] of Object.entries(top.properties as Record<string, JsonSchema>)) {
    if (schema.$ref === `#/definitions/${name}`) continue;
    if (name in schemas) throw new Error(`${name} names both a ResponseTypes member and another type`);
    schemas[name] = toOpenApiSchema(schema);
  }
  return settleNullable(Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))));
}

export function renderResponseSchemas(): string {
  return `${JSON.stringify(responseSchemas(), null, 2)}\n`;
}
