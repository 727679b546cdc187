/**
 * What the figure endpoints (inspection metrics, misconduct statistics) share over HTTP:
 * which force a reader may ask about (and the `force=` query field), and the same figures as CSV for `Accept: text/csv`.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, ValidateBy } from 'class-validator';
import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { problem, ReadRoute, ReadsProjections, Roles } from '../../src/http';
import type { Actor, Role } from '../../src/http';
import type { ResponseTypeName } from '../../src/http/contract/response-types';
import { actsForForce, ALL_FORCES, FORCE_CODE } from '../../src/common/force';
import { isBeforeDay, isIsoDay } from '../../src/common/days';

/** Who may read figures: the read-only bodies, the DCC, the appropriate authority, PSD and ACU. */
export const FIGURE_READER_ROLES: readonly Role[] = ['INSPECTOR', 'DCC', 'AUDITOR', 'APPROPRIATE_AUTHORITY', 'PSD_INVESTIGATOR', 'ACU_INVESTIGATOR'];

export const CSV_MEDIA_TYPE = 'text/csv';

/** On a route answering figures from `projection`: who may read them, read-your-writes, and the two media types. */
export const FiguresRoute = (projection: string, route: { operationId: string; response: ResponseTypeName; summary: string }): MethodDecorator =>
  applyDecorators(
    Roles(...FIGURE_READER_ROLES),
    ReadsProjections(projection),
    ReadRoute({ ...route, summary: `${route.summary}; Accept: text/csv gives the same figures as metric,value rows`, csv: true }),
  );

/** `force=`: a force code (`*` is a reader's scope, not a force). */
export const ForceQueryField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      pattern: FORCE_CODE.source,
      description: "Force code, e.g. HAMPSHIRE; defaults to the reader's own force (required for a reader of every force)",
    }),
    IsOptional(),
    Matches(FORCE_CODE, { message: '$property must be a force code such as HAMPSHIRE' }),
  );

/** On a query's `to`: not before its `from` (a malformed `from` is reported on its own field). */
export const NotBeforeFrom = (): PropertyDecorator =>
  ValidateBy({
    name: 'notBeforeFrom',
    validator: {
      validate: (value: unknown, args) => {
        const from = (args?.object as { from?: unknown } | undefined)?.from;
        return !isIsoDay(value) || !isIsoDay(from) || !isBeforeDay(value, from);
      },
      defaultMessage: () => '$property must not be before from',
    },
  });

/**
 * The force whose figures are read. A reader of one force reads that force (the default
 * when `force` is left out) and gets 403 for any other: a force's figures are not secret,
 * unlike a case, so there is nothing a 404 would hide. A national reader (`*`) names one.
 */
export function readableForce(actor: Actor, requested: string | undefined): string {
  if (actor.force === ALL_FORCES) {
    if (requested !== undefined) return requested;
    throw problem(400, 'validation-failed', 'The request is invalid: check force.', {
      errors: [{ field: 'force', message: 'force is required for a reader of every force' }],
    });
  }
  if (requested !== undefined && !actsForForce(actor, requested)) {
    throw problem(403, 'forbidden', `You may read the figures of ${actor.force} only.`);
  }
  return actor.force;
}

/** Flattened `[metric, value]` rows: nested names joined with dots, null as an empty value. */
export function metricRows(value: object, prefix = ''): [string, string][] {
  return Object.entries(value).flatMap(([name, item]: [string, unknown]): [string, string][] => {
    const metric = prefix === '' ? name : `${prefix}.${name}`;
    if (item !== null && typeof item === 'object') return metricRows(item, metric);
    return [[metric, item === null || item === undefined ? '' : String(item)]];
  });
}

export function metricsCsv(value: object): string {
  return stringify([['metric', 'value'], ...metricRows(value)], { record_delimiter: 'windows' });
}

/**
 * JSON unless the client prefers CSV (an Accept it cannot have falls back to JSON). The
 * answer varies with Accept, which caches must know.
 */
export function negotiateFigures<T extends object>(request: Request, response: Response, figures: T): T | string {
  response.vary('Accept');
  if (request.accepts(['application/json', CSV_MEDIA_TYPE]) !== CSV_MEDIA_TYPE) return figures;
  response.type(`${CSV_MEDIA_TYPE}; charset=utf-8`);
  return metricsCsv(figures);
}
