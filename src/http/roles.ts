import { SetMetadata } from '@nestjs/common';

/** The roles of the HTTP contract (docs/api.md, "Roles"); a token naming any other role is refused. */
export const ROLES = ['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY', 'DCC', 'INSPECTOR', 'AUDITOR', 'ADMIN'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const REQUIRED_ROLES = 'ledger:requiredRoles';

/**
 * The route answers only actors holding at least one of these roles (403 otherwise).
 * Without it, any authenticated actor may call the route.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);
