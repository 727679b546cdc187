/**
 * One declaration per event: its fields with their kinds, its schema version, the field that
 * holds its legal date and the command that appends it. Everything else a slice needs about
 * its events is derived from that declaration here, so it cannot drift: the payload type
 * (`PayloadOf`), the runtime check of a payload (`payloadProblems`), the personal-data fields
 * the vault seals (kind `vaultText`), the schema versions and the legal date (`occurredAt`).
 *
 *     SubjectArrested: event({
 *       command: 'RecordArrest',
 *       version: 1,
 *       legalDate: 'arrestedOn',
 *       fields: { subjectId: id, arrestedOn: day, suspectedOffences: listOf(OFFENCES) },
 *     }),
 */
import { isLegalDay, legalDayRule } from './days';

/** What a field holds, as runtime data. */
export type Kind =
  | { readonly kind: 'text' }
  | { readonly kind: 'vaultText' }
  | { readonly kind: 'id' }
  | { readonly kind: 'day' }
  | { readonly kind: 'instant' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'count' }
  | { readonly kind: 'oneOf'; readonly values: readonly string[] }
  | { readonly kind: 'listOf'; readonly values: readonly string[] }
  | { readonly kind: 'record'; readonly fields: Fields }
  | { readonly kind: 'records'; readonly fields: Fields }
  | { readonly kind: 'payload' };

/** A field: its kind, whether it may be absent, and (for the compiler only) the type of its value. */
export type FieldSpec<T = unknown, Optional extends boolean = boolean, K extends Kind = Kind> = K & {
  readonly optional: Optional;
  /** Never set: carries the value's type from the declaration to `PayloadOf`. */
  readonly __value?: T;
};
export type Fields = { readonly [field: string]: FieldSpec };

const spec = <T, K extends Kind>(kind: K): FieldSpec<T, false, K> => ({ ...kind, optional: false });

/** Free text that is not personal data (a reason, a rank's grade). */
export const text = spec<string, { kind: 'text' }>({ kind: 'text' });
/** Free text that is personal data: sealed by the vault before the append, erased with the person. */
export const vaultText = spec<string, { kind: 'vaultText' }>({ kind: 'vaultText' });
/** An id (a lower-case UUID at the HTTP edge). */
export const id = spec<string, { kind: 'id' }>({ kind: 'id' });
/** A day in the world, `YYYY-MM-DD` (Europe/London). */
export const day = spec<string, { kind: 'day' }>({ kind: 'day' });
/** An instant, ISO 8601 with its offset. */
export const instant = spec<string, { kind: 'instant' }>({ kind: 'instant' });
export const flag = spec<boolean, { kind: 'boolean' }>({ kind: 'boolean' });
/** A whole number, 0 or more. */
export const count = spec<number, { kind: 'count' }>({ kind: 'count' });
/** Any JSON object (a correction's replacement, checked against the corrected event's own declaration). */
export const payload = spec<Record<string, unknown>, { kind: 'payload' }>({ kind: 'payload' });

/** One of an enumeration's values. */
export function oneOf<const V extends readonly string[]>(values: V): FieldSpec<V[number], false, { kind: 'oneOf'; values: V }> {
  return { kind: 'oneOf', values, optional: false };
}

/** A list of an enumeration's values. */
export function listOf<const V extends readonly string[]>(values: V): FieldSpec<V[number][], false, { kind: 'listOf'; values: V }> {
  return { kind: 'listOf', values, optional: false };
}

/** A nested object with its own fields. */
export function record<F extends Fields>(fields: F): FieldSpec<PayloadOf<F>, false, { kind: 'record'; fields: F }> {
  return { kind: 'record', fields, optional: false };
}

/** A list of nested objects with their own fields. */
export function records<F extends Fields>(fields: F): FieldSpec<PayloadOf<F>[], false, { kind: 'records'; fields: F }> {
  return { kind: 'records', fields, optional: false };
}

/** The same field, allowed to be absent. */
export function optional<T, K extends Kind>(field: FieldSpec<T, false, K>): FieldSpec<T, true, K> {
  return { ...field, optional: true };
}

type ValueOf<S> = S extends { readonly __value?: infer T } ? T : never;
type RequiredKeys<F> = { [K in keyof F]: F[K] extends { readonly optional: true } ? never : K }[keyof F];
type OptionalKeys<F> = Exclude<keyof F, RequiredKeys<F>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The payload type a field list declares: each field with its value's type, optional ones marked `?`. */
export type PayloadOf<F> = Simplify<{ -readonly [K in RequiredKeys<F>]: ValueOf<F[K]> } & { -readonly [K in OptionalKeys<F>]?: ValueOf<F[K]> }>;

/** The fields that can hold an event's legal date. */
type DateKeys<F> = { [K in keyof F]: F[K] extends { readonly kind: 'day' | 'instant' } ? K : never }[keyof F] & string;
/** The personal-data fields of a field list. */
type VaultKeys<F> = { [K in keyof F]: F[K] extends { readonly kind: 'vaultText' } ? K : never }[keyof F] & string;

/** One event's declaration. */
export interface EventDeclaration<F extends Fields = Fields, C extends string = string> {
  readonly fields: F;
  /** 1 until a shipped shape changes; then a new version with an upcaster. */
  readonly version: number;
  /** The field that holds when it happened in the world (its `occurredAt`); absent when it has none. */
  readonly legalDate?: string;
  /** The command that appends it, carrying its payload (a slice writes out the few that differ). */
  readonly command?: C;
}

/** Declares one event; the compiler checks that `legalDate` names one of its day or instant fields. */
export function event<F extends Fields, const C extends string = never>(declaration: {
  readonly fields: F;
  readonly version: number;
  readonly legalDate?: DateKeys<F>;
  readonly command?: C;
}): EventDeclaration<F, C> & { readonly command: C } {
  return declaration as EventDeclaration<F, C> & { readonly command: C };
}

export type EventDeclarations = { readonly [type: string]: EventDeclaration };

/** Event type → payload type. */
export type DataMapOf<D extends EventDeclarations> = { [K in keyof D]: PayloadOf<D[K]['fields']> };

/** `{ type: C } & payload` for every declared event whose command is C. */
export type CommandsOf<D extends EventDeclarations, DataMap extends { [K in keyof D]: object } = DataMapOf<D>> = {
  [K in keyof D]: D[K] extends { readonly command: infer C extends string } ? ([C] extends [never] ? never : { type: C } & DataMap[K]) : never;
}[keyof D];

/** What the rest of a slice reads off its declarations. */
export interface DeclaredEvents<D extends EventDeclarations> {
  readonly declarations: D;
  readonly types: readonly (keyof D & string)[];
  isType(type: string): type is keyof D & string;
  readonly schemaVersions: { readonly [K in keyof D]: number };
  /** Event type → the field holding its legal date (only the events that have one). */
  readonly dateFields: { readonly [K in keyof D]?: string };
  /** Event type → its personal-data fields (kind `vaultText`), sealed by the vault. */
  readonly vaultFields: { readonly [K in keyof D]: readonly VaultKeys<D[K]['fields']>[] };
  /** Command → the event it appends. */
  readonly commandEvents: { readonly [command: string]: keyof D & string };
  /** The event's legal date at midnight UTC (or its instant); undefined when it has none. */
  legalInstantOf(event: { type: string; data: object }): string | undefined;
  /** What is wrong with `data` as a payload of event `type` (empty when nothing is). */
  payloadProblems(type: keyof D & string, data: unknown): string[];
}

/** What the write path reads off any slice's declarations. */
export interface SliceEventDeclarations {
  isType(type: string): boolean;
  readonly schemaVersions: { readonly [type: string]: number };
  readonly vaultFields: { readonly [type: string]: readonly string[] | undefined };
  legalInstantOf(event: { type: string; data: object }): string | undefined;
}

export function declaredEvents<D extends EventDeclarations>(declarations: D): DeclaredEvents<D> {
  const entries = Object.entries(declarations) as [keyof D & string, EventDeclaration][];
  const map = <V>(value: (declaration: EventDeclaration) => V) =>
    Object.fromEntries(entries.map(([type, declaration]) => [type, value(declaration)])) as { readonly [K in keyof D]: V };
  const dateFields: { readonly [type: string]: string } = Object.fromEntries(
    entries.flatMap(([type, { legalDate }]) => (legalDate === undefined ? [] : [[type, legalDate]])),
  );
  return {
    declarations,
    types: entries.map(([type]) => type),
    isType: (type): type is keyof D & string => Object.hasOwn(declarations, type),
    schemaVersions: map((declaration) => declaration.version),
    dateFields: dateFields as DeclaredEvents<D>['dateFields'],
    vaultFields: map((declaration) =>
      Object.keys(declaration.fields).filter((name) => declaration.fields[name].kind === 'vaultText'),
    ) as unknown as DeclaredEvents<D>['vaultFields'],
    commandEvents: Object.fromEntries(entries.flatMap(([type, { command }]) => (command === undefined ? [] : [[command, type]]))),
    legalInstantOf: (event) => legalInstant(event.data, dateFields[event.type]),
    payloadProblems: (type, data) => (isRecord(data) ? fieldProblems(declarations[type].fields, data) : ['the payload must be an object']),
  };
}

/** The value of `field` as an instant: a day at midnight UTC, an instant as it is. */
export function legalInstant(data: object, field: PropertyKey | undefined): string | undefined {
  const value = field === undefined ? undefined : (data as Record<PropertyKey, unknown>)[field];
  if (typeof value !== 'string') return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function problemWith(field: Kind, value: unknown): string | null {
  switch (field.kind) {
    case 'text':
    case 'vaultText':
    case 'id':
      return typeof value === 'string' && value.trim() !== '' ? null : 'must be a non-empty string';
    case 'day':
      // A correction's replacement reaches the ledger through here, not through DayField.
      return isLegalDay(value) ? null : legalDayRule();
    case 'instant':
      return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'must be an ISO 8601 instant with its offset';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0 ? null : 'must be a whole number, 0 or more';
    case 'oneOf':
      return typeof value === 'string' && field.values.includes(value) ? null : `must be one of ${field.values.join(', ')}`;
    case 'listOf':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && field.values.includes(item))
        ? null
        : `must be a list of ${field.values.join(', ')}`;
    case 'record':
      return isRecord(value) ? (fieldProblems(field.fields, value)[0] ?? null) : 'must be an object';
    case 'records':
      if (!Array.isArray(value)) return 'must be a list';
      for (const item of value) {
        const problem = isRecord(item) ? (fieldProblems(field.fields, item)[0] ?? null) : 'must be a list of objects';
        if (problem !== null) return problem;
      }
      return null;
    case 'payload':
      return isRecord(value) ? null : 'must be an object';
    default: {
      const unknownKind: never = field;
      return `has an unknown kind ${String(unknownKind)}`;
    }
  }
}

function fieldProblems(fields: Fields, value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    if (value[name] === undefined) {
      if (!field.optional) problems.push(`${name} is missing`);
      continue;
    }
    const problem = problemWith(field, value[name]);
    if (problem !== null) problems.push(`${name} ${problem}`);
  }
  for (const name of Object.keys(value)) {
    if (!(name in fields)) problems.push(`${name} is not a field of this event`);
  }
  return problems;
}
