/**
 * Force codes, and which force an entry is recorded for. A user acts for the force of their
 * token's `force` claim, or for every force with `*` (national bodies).
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches, ValidateIf } from 'class-validator';
import type { Actor } from '../http';
import { problem } from '../http';

export const ALL_FORCES = '*';
export const FORCE_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

export function actsForForce(actor: Pick<Actor, 'force'>, force: string): boolean {
  return actor.force === ALL_FORCES || actor.force === force;
}

/**
 * The force an entry is recorded for: the body's `force`, else the writer's own. 403 for a
 * force the writer does not act for; 400 when a national writer does not say which force.
 */
export function forceOfEntry(actor: Actor, requested: unknown): string {
  if (typeof requested === 'string') {
    if (!actsForForce(actor, requested)) throw problem(403, 'forbidden', `Only a user of force ${requested}, or one acting for all forces, may record for it.`);
    return requested;
  }
  if (actor.force !== ALL_FORCES) return actor.force;
  const message = 'a user acting for all forces must say which force the entry is for';
  throw problem(400, 'validation-failed', `The request is invalid: check force.`, { errors: [{ field: 'force', message }] });
}

const FORCE_CODE_MESSAGE = { message: '$property must be a force code such as HAMPSHIRE' };

/** A body's optional `force` (absent: the writer's own). */
export const OptionalForceField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      example: 'HAMPSHIRE',
      pattern: FORCE_CODE.source,
      description: "Force code; the writer's own force when absent (required of a user acting for all forces)",
    }),
    // Only an absent field is optional: null is refused.
    ValidateIf((_body: object, value: unknown) => value !== undefined),
    Matches(FORCE_CODE, FORCE_CODE_MESSAGE),
  );

/** A required force code (a path parameter). */
export const ForceField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: 'HAMPSHIRE', pattern: FORCE_CODE.source, description: 'Force code, upper case' }),
    Matches(FORCE_CODE, FORCE_CODE_MESSAGE),
  );
