/**
 * JSON Schema (draft-07, as ts-json-schema-generator writes it) to the OpenAPI 3.0 schema
 * dialect the service's document speaks: `#/definitions/X` to `#/components/schemas/X`,
 * a `null` type or branch to `nullable`, `const` to a one-value `enum`.
 */
export type JsonSchema = { [keyword: string]: unknown };

const COMPONENTS = '#/components/schemas/';

export function toOpenApiSchema(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === '$schema') continue;
    if (keyword === '$ref' && typeof value === 'string') out.$ref = value.replace('#/definitions/', COMPONENTS);
    else if (keyword === 'const') out.enum = [value];
    else if (keyword === 'properties' || keyword === 'definitions') out[keyword] = mapValues(value as Record<string, JsonSchema>);
    else if (keyword === 'items' || keyword === 'additionalProperties' || keyword === 'not') out[keyword] = isSchema(value) ? toOpenApiSchema(value) : value;
    else if (keyword === 'anyOf' || keyword === 'oneOf' || keyword === 'allOf') out[keyword] = (value as JsonSchema[]).map(toOpenApiSchema);
    else out[keyword] = value;
  }
  return nullableForm(out);
}

function mapValues(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, toOpenApiSchema(schema)]));
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNull = (schema: JsonSchema): boolean => schema.type === 'null' || (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null);

/** `type: [T, 'null']` and `anyOf: [..., {type: 'null'}]` in OpenAPI 3.0's words: `nullable: true`. */
function nullableForm(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const types = (schema.type as string[]).filter((type) => type !== 'null');
    const { type: _type, ...rest } = schema;
    void _type;
    if (types.length === 1) return { ...rest, type: types[0], nullable: true };
    return { ...rest, anyOf: types.map((type) => ({ type })), nullable: true };
  }
  if (Array.isArray(schema.anyOf) && (schema.anyOf as JsonSchema[]).some(isNull)) {
    const branches = (schema.anyOf as JsonSchema[]).filter((branch) => !isNull(branch));
    const { anyOf: _anyOf, ...rest } = schema;
    void _anyOf;
    if (branches.length === 1) {
      const [only] = branches;
      // A reference cannot carry siblings in OpenAPI 3.0: wrap it.
      return only.$ref === undefined ? { ...rest, ...only, nullable: true } : { ...rest, allOf: [only], nullable: true };
    }
    return { ...rest, anyOf: branches, nullable: true };
  }
  return schema;
}

/**
 * OpenAPI 3.0 wants a `type` beside `nullable`: a nullable reference or choice takes the type
 * its target or branches share; one with no single type (any JSON value) becomes `{}`, which
 * admits null anyway.
 */
export function settleNullable(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const typeOf = (schema: JsonSchema, seen: Set<JsonSchema> = new Set()): string | undefined => {
    if (seen.has(schema)) return undefined;
    seen.add(schema);
    if (typeof schema.type === 'string') return schema.type;
    if (typeof schema.$ref === 'string') {
      const target = schemas[schema.$ref.replace(COMPONENTS, '')];
      return target === undefined ? undefined : typeOf(target, seen);
    }
    const branches = (schema.allOf ?? schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
    if (branches === undefined) return undefined;
    const types = new Set(branches.map((branch) => typeOf(branch, seen)));
    return types.size === 1 ? [...types][0] : undefined;
  };
  const settle = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(settle);
    if (!isSchema(value)) return value;
    const settled = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, settle(item)])) as JsonSchema;
    if (settled.nullable !== true || settled.type !== undefined) return settled;
    const type = typeOf(settled);
    if (type !== undefined) return { ...settled, type };
    const description = settled.description;
    return description === undefined ? { description: 'Any JSON value' } : { description };
  };
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, settle(schema) as JsonSchema]));
}
