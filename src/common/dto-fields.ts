/**
 * One decorator per kind of field in the command bodies of every slice, each pairing its
 * class-validator checks with its OpenAPI description, so a body class reads as a list of
 * fields and the document cannot drift from the validation.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { isLegalDay, legalDayRule } from './days';
import { canonicalUuid, isCanonicalUuid } from '../http/uuid';

/** Free text that goes to the personal-data vault: summaries, rationales, results. */
export const NARRATIVE_MAX_LENGTH = 20_000;
/** A reason or a short statement (a suspension's, a closure's, a correction's). */
export const REASON_MAX_LENGTH = 2_000;
/** A label: a unit, a grade. */
export const LABEL_MAX_LENGTH = 200;

/** The description of a field its slice declares `vaultText` (case.events.ts, registers.events.ts, ...). */
export const VAULT = 'Personal data: the personal-data vault encrypts it before it enters the event.';

export interface FieldOptions {
  description?: string;
  /** May be left out; `null` is still refused, since the event has no null fields. */
  optional?: boolean;
}

type Schema = Pick<ApiPropertyOptions, 'type' | 'format' | 'example' | 'enum' | 'isArray' | 'maxLength' | 'minimum' | 'maximum'>;

function field(schema: Schema, options: FieldOptions, ...checks: PropertyDecorator[]): PropertyDecorator {
  const documented = { ...schema, description: options.description } as ApiPropertyOptions;
  if (!options.optional) return applyDecorators(ApiProperty(documented), ...checks);
  // IsOptional would let null through into the event; only an absent field is optional.
  return applyDecorators(
    ApiPropertyOptional(documented),
    ValidateIf((_body: object, value: unknown) => value !== undefined),
    ...checks,
  );
}

/**
 * A legal date, `YYYY-MM-DD`, that exists in the calendar and lies in the legal range
 * (days.ts): the one day type of every body and query, so a day no read model can hold
 * never enters the ledger.
 */
export const DayField = (options: FieldOptions = {}): PropertyDecorator =>
  field(
    { type: String, format: 'date', example: '2021-03-01' },
    {
      ...options,
      description: [options.description, 'Between LEDGER_EARLIEST_DAY and LEDGER_LATEST_DAY (by default 1900-01-01 to 2100-12-31).'].filter(Boolean).join('. '),
    },
    ValidateBy({
      name: 'isLegalDay',
      validator: { validate: (value: unknown) => isLegalDay(value), defaultMessage: () => `$property ${legalDayRule()}` },
    }),
  );

/**
 * A UUID, written 8-4-4-4-12; upper case is accepted and lower-cased here, once, so that
 * every id the service stores and compares has one spelling (src/http/uuid.ts). For path
 * parameters, body fields (nested ones too) and query parameters alike.
 */
export const IdField = (options: FieldOptions = {}): PropertyDecorator =>
  field(
    { type: String, format: 'uuid' },
    options,
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (canonicalUuid(value) ?? value) : value)),
    ValidateBy({
      name: 'isCanonicalUuid',
      validator: { validate: (value: unknown) => isCanonicalUuid(value), defaultMessage: () => '$property must be a UUID written 8-4-4-4-12' },
    }),
  );

export const FlagField = (options: FieldOptions = {}): PropertyDecorator => field({ type: Boolean }, options, IsBoolean());

export const CountField = (maximum: number, options: FieldOptions = {}): PropertyDecorator =>
  field({ type: 'integer', minimum: 0, maximum }, options, IsInt(), Min(0), Max(maximum));

/** Text with at least one visible character: the event schema refuses blank text. */
export const TextField = (maxLength: number, options: FieldOptions = {}): PropertyDecorator =>
  field({ type: String, maxLength }, options, IsString(), MaxLength(maxLength), Matches(/\S/, { message: '$property must not be blank' }));

export const OneOfField = (values: readonly string[], options: FieldOptions = {}): PropertyDecorator =>
  field({ enum: [...values] }, options, IsIn([...values]));

/** A set of enumeration values: each at most once, so the list is no longer than the enumeration. */
export const ListOfField = (values: readonly string[], options: FieldOptions = {}): PropertyDecorator =>
  field({ enum: [...values], isArray: true }, options, IsArray(), ArrayMaxSize(values.length), ArrayUnique(), IsIn([...values], { each: true }));

/** A nested body (`flags`) or a list of them (`findings`). */
export function NestedField(type: () => new () => object, options: FieldOptions & { list?: { maxSize: number } } = {}): PropertyDecorator {
  const shape = options.list ? [IsArray(), ArrayMaxSize(options.list.maxSize)] : [IsObject()];
  return field(
    // Swagger recognises a lazy type by the function's name being `type`, as written here.
    { type: () => type(), isArray: options.list !== undefined },
    options,
    ...shape,
    ValidateNested({ each: options.list !== undefined }),
    Type(type),
  );
}

/**
 * On a body with an `action`: the field belongs to these actions only. It is checked when
 * the action is one of them (so its other checks make it required there, unless optional)
 * and refused when sent with any other action, rather than dropped from the record unseen.
 */
export function ForActions(actions: readonly string[], options: { optional?: boolean } = {}): PropertyDecorator {
  const actionOf = (body: object): unknown => (body as { action?: unknown }).action;
  const checked = (body: object, value: unknown): boolean => value !== undefined || (!options.optional && actions.includes(String(actionOf(body))));
  return applyDecorators(
    ValidateIf(checked),
    ValidateBy({
      name: 'forActions',
      validator: {
        validate: (_value: unknown, args) => args !== undefined && actions.includes(String(actionOf(args.object))),
        defaultMessage: () => `$property is only for action ${actions.join(' or ')}`,
      },
    }),
  );
}

/** An optional boolean of a query string, which carries text: only the words true and false are booleans here. */
export const OptionalBooleanQuery = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  );
