/**
 * A command's form fields, read from its route's body schema in the OpenAPI document (which
 * the body classes' field decorators write: src/common/dto-fields.ts), and the body a
 * submitted form makes. One kind of field per kind of schema: a legal day is a GOV.UK date
 * input, an enumeration radios (or checkboxes for a list), a flag yes/no radios, a nested
 * body a fieldset, a list of nested bodies a few repeated fieldsets, a free-form object a
 * JSON text area.
 */
import type { OpenAPIObject } from '@nestjs/swagger';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['post']>;

export type FieldKind = 'text' | 'textarea' | 'id' | 'date' | 'flag' | 'count' | 'choice' | 'choices' | 'group' | 'rows' | 'json';

export interface FormField {
  /** Dotted path in the body (`flags.apsp`, `findings.0.standard`). */
  name: string;
  label: string;
  hint?: string;
  kind: FieldKind;
  required: boolean;
  options?: string[];
  /** A group's fields, or one row's fields (names relative to the row). */
  fields?: FormField[];
  /** How many rows a `rows` field offers. */
  rows?: number;
  /** An id the client chooses for a new thing: the form offers a fresh one. */
  newId?: boolean;
}

/** Rows a list of nested bodies offers; rows left blank are not sent. */
export const LIST_ROWS = 3;
/** Text longer than a label gets a text area. */
const LONG_TEXT = 200;

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: string[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  maxLength?: number;
}

export function formFields(document: OpenAPIObject, operation: OperationObject): FormField[] {
  const body = operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined;
  const schema = body?.content?.['application/json']?.schema;
  return schema === undefined ? [] : fieldsOf(document, resolve(document, schema), '');
}

function resolve(document: OpenAPIObject, schema: Schema): Schema {
  const reference = schema.$ref ?? schema.allOf?.find((part) => part.$ref !== undefined)?.$ref;
  if (reference === undefined) return schema;
  const name = reference.replace('#/components/schemas/', '');
  const found = document.components?.schemas?.[name] as Schema | undefined;
  if (!found) throw new Error(`no schema ${name} in the OpenAPI document`);
  return { ...found, description: schema.description ?? found.description };
}

function fieldsOf(document: OpenAPIObject, schema: Schema, prefix: string): FormField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([property, given]) => {
    const name = `${prefix}${property}`;
    const field = resolve(document, given);
    const common = { name, label: labelOf(property), hint: given.description ?? field.description, required: required.has(property) };
    if (field.properties !== undefined) return { ...common, kind: 'group', fields: fieldsOf(document, field, `${name}.`) };
    if (field.type === 'array') {
      const items = resolve(document, field.items ?? {});
      if (items.properties !== undefined) return { ...common, kind: 'rows', rows: LIST_ROWS, fields: fieldsOf(document, items, '') };
      return { ...common, kind: 'choices', options: items.enum ?? [] };
    }
    if (field.enum !== undefined) return { ...common, kind: 'choice', options: field.enum };
    if (field.type === 'boolean') return { ...common, kind: 'flag' };
    if (field.type === 'integer' || field.type === 'number') return { ...common, kind: 'count' };
    if (field.type === 'object') return { ...common, kind: 'json' };
    if (field.format === 'date') return { ...common, kind: 'date' };
    if (field.format === 'uuid') return { ...common, kind: 'id', newId: /chosen by the client|generated when absent/i.test(common.hint ?? '') };
    return { ...common, kind: (field.maxLength ?? Infinity) > LONG_TEXT ? 'textarea' : 'text' };
  });
}

/** `lengthOfServiceMonths` → "Length of service months". */
export function labelOf(property: string): string {
  const words = property.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A submitted form, as express.urlencoded reads it: a value, or the values of a repeated name. */
export type FormValues = Record<string, string | string[] | undefined>;

/** A form's or query's value as one trimmed string (the first of a repeated name). */
export function formText(value: unknown): string {
  return (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').trim();
}

/**
 * The JSON body a submitted form makes: blank fields are left out (so the validation says
 * what is missing), a date's three parts are joined, a flag is true or false, a count a
 * number (other text is sent as it is, for the validation to refuse), a JSON area parsed.
 */
export function bodyOf(fields: readonly FormField[], values: FormValues, prefix = ''): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = valueOf(field, values, prefix);
    if (value !== undefined) body[field.name.slice(field.name.lastIndexOf('.') + 1)] = value;
  }
  return body;
}

function valueOf(field: FormField, values: FormValues, prefix: string): unknown {
  const key = `${prefix}${field.name}`;
  const text = (name: string): string => {
    const value = values[name];
    return (Array.isArray(value) ? value[0] : (value ?? '')).trim();
  };
  switch (field.kind) {
    case 'text':
    case 'textarea':
    case 'id':
    case 'choice':
      return text(key) === '' ? undefined : text(key);
    case 'date': {
      const [day, month, year] = ['day', 'month', 'year'].map((part) => text(`${key}-${part}`));
      if (day === '' && month === '' && year === '') return undefined;
      return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    }
    case 'flag':
      return text(key) === 'true' ? true : text(key) === 'false' ? false : undefined;
    case 'count':
      return text(key) === '' ? undefined : /^-?\d{1,15}$/.test(text(key)) ? Number(text(key)) : text(key);
    case 'choices': {
      const value = values[key];
      return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((choice) => choice !== '');
    }
    case 'group': {
      const group = bodyOf(field.fields ?? [], values);
      return Object.keys(group).length === 0 && !field.required ? undefined : group;
    }
    case 'rows': {
      const rows = Array.from({ length: field.rows ?? 0 }, (_, index) => bodyOf(field.fields ?? [], values, `${key}.${index}.`));
      return rows.filter((row) => Object.keys(row).length > 0);
    }
    case 'json': {
      if (text(key) === '') return undefined;
      try {
        return JSON.parse(text(key)) as unknown;
      } catch {
        return text(key);
      }
    }
    default: {
      const unexpected: never = field.kind;
      throw new Error(`no value for a ${String(unexpected)} field`);
    }
  }
}
