import jwt, { JwtPayload } from 'jsonwebtoken';
import { createSecretKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { AppConfig } from '../config/configuration';
import type { Actor } from './actor';
import { findUnstorableJson } from './json-safety';
import { isRole, Role } from './roles';
import { canonicalUuid, isOtherUuidSpelling } from './uuid';

/**
 * Bearer tokens: HS256 JWTs signed with LEDGER_JWT_SECRET. Claims: `sub` (user id),
 * `name`, `roles` (known roles only), `force` (force code or `*`), and `exp` — a token
 * without an expiry would be a credential for ever, so it is refused.
 */
export type JwtSettings = AppConfig['jwt'];

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** Upper-case force codes (`HAMPSHIRE`, `AVON_AND_SOMERSET`), or `*` for national bodies. */
const FORCE = /^(\*|[A-Z][A-Z0-9_]{1,63})$/;

export function isForceCode(value: unknown): value is string {
  return typeof value === 'string' && FORCE.test(value);
}

// Seconds of clock difference tolerated between the token's issuer and us.
const CLOCK_TOLERANCE_SECONDS = 5;

/** The token's header `alg` and `kid`, unverified: which key to check it with. */
export function tokenHeader(token: string): { alg?: string; kid?: string } {
  const decoded = jwt.decode(token, { complete: true });
  if (decoded === null || typeof decoded === 'string') throw new InvalidTokenError('The bearer token is invalid (jwt malformed).');
  return { alg: decoded.header.alg, kid: decoded.header.kid };
}

/**
 * The HS256 secret as a key object, made once per secret: given the string, jsonwebtoken
 * first tries to parse it as a public key on every request (crypto.createPublicKey, which
 * throws): a sixth of the service's CPU under load in a profile of 32 clients.
 */
let secretKey: { secret: string; key: KeyObject } | undefined;
function hmacKey(secret: string): KeyObject {
  if (secretKey?.secret !== secret) secretKey = { secret, key: createSecretKey(Buffer.from(secret, 'utf8')) };
  return secretKey.key;
}

/**
 * HS256 with LEDGER_JWT_SECRET; or RS256 with `publicKey`, a key of LEDGER_JWT_JWKS_URL
 * (the caller chooses by the token's `alg`, the algorithm list here enforces it).
 */
export function verifyToken(token: string, settings: JwtSettings, publicKey?: KeyObject): Actor {
  let payload: string | JwtPayload;
  try {
    payload = jwt.verify(token, publicKey ?? hmacKey(settings.secret), {
      algorithms: publicKey === undefined ? ['HS256'] : ['RS256'],
      issuer: settings.issuer,
      audience: settings.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
  } catch (error) {
    throw new InvalidTokenError(describeVerifyError(error));
  }
  if (typeof payload === 'string') throw new InvalidTokenError('The bearer token carries no claims.');
  checkLifetime(payload, settings.maxLifetimeSeconds);
  return actorFromClaims(payload);
}

/**
 * A token with an `exp` centuries ahead is a credential for ever, which a stolen one must not
 * be: it may live at most `maxLifetimeSeconds` (LEDGER_JWT_MAX_LIFETIME_SECONDS), counted
 * from its `iat`, or from now when it has none.
 */
export function checkLifetime(claims: JwtPayload, maxLifetimeSeconds: number, nowSeconds = Math.floor(Date.now() / 1000)): void {
  if (typeof claims.exp !== 'number') return; // refused below for having no expiry
  const issuedAt = typeof claims.iat === 'number' ? claims.iat : nowSeconds;
  if (claims.exp - issuedAt > maxLifetimeSeconds + CLOCK_TOLERANCE_SECONDS) {
    throw new InvalidTokenError(`The bearer token's lifetime is too long: at most ${maxLifetimeSeconds} s from its issue is accepted.`);
  }
}

function describeVerifyError(error: unknown): string {
  if (error instanceof jwt.TokenExpiredError) return 'The bearer token has expired.';
  if (error instanceof jwt.NotBeforeError) return 'The bearer token is not valid yet.';
  if (error instanceof jwt.JsonWebTokenError) return `The bearer token is invalid (${error.message}).`;
  return 'The bearer token is invalid.';
}

function actorFromClaims(claims: JwtPayload): Actor {
  // The claims reach the ledger (who read, who wrote): text PostgreSQL cannot store would fail
  // the append of every record batched with it, so such a token is refused here.
  const unstorable = findUnstorableJson(claims);
  if (unstorable) {
    // A claim's name is echoed only when it is plain printable text.
    const claim = /^[\x20-\x7e]{1,64}$/.test(unstorable.field) ? unstorable.field : 'a claim name';
    throw new InvalidTokenError(`The bearer token holds a claim that cannot be stored (${claim}: ${unstorable.message}).`);
  }
  const { sub, name, roles, force, exp } = claims as JwtPayload & { name?: unknown; roles?: unknown; force?: unknown };
  if (typeof exp !== 'number') throw new InvalidTokenError('The bearer token has no expiry (exp).');
  if (!isNonEmptyText(sub)) throw new InvalidTokenError('The bearer token has no subject (sub).');
  const userId = userIdOf(sub);
  if (!isNonEmptyText(name)) throw new InvalidTokenError('The bearer token has no name claim.');
  if (!isForceCode(force)) {
    throw new InvalidTokenError('The bearer token has no valid force claim (a force code or "*").');
  }
  if (!Array.isArray(roles) || roles.length === 0) throw new InvalidTokenError('The bearer token names no roles.');
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new InvalidTokenError('The bearer token names a role the ledger does not know.');
  return { userId, name, roles: [...new Set(roles as Role[])], force };
}

/**
 * The user id of a `sub`: a UUID (the person id a case's subjects and a record are kept
 * under) in its one canonical spelling, lower case, so that it compares equal to the same
 * person's id wherever it appears (src/http/uuid.ts). A UUID spelt otherwise is refused
 * rather than taken for someone else; a `sub` that is no UUID at all (printable ASCII) names
 * nobody in the ledger and is kept as it is.
 */
function userIdOf(sub: string): string {
  // Spaces, invisible and look-alike characters would make a second spelling of one id.
  if (!/^[\x21-\x7e]+$/.test(sub)) throw new InvalidTokenError("The bearer token's subject (sub) must be printable ASCII, without spaces.");
  if (isOtherUuidSpelling(sub)) throw new InvalidTokenError("The bearer token's subject (sub) must be a UUID written 8-4-4-4-12.");
  return canonicalUuid(sub) ?? sub;
}

function isNonEmptyText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 200;
}

export interface TokenRequest {
  userId: string;
  name: string;
  roles: Role[];
  force: string;
  /** Lifetime in seconds. */
  expiresInSeconds: number;
}

/** Signs a token the service accepts (the token script and the tests use this). */
export function signToken(request: TokenRequest, settings: JwtSettings): string {
  return jwt.sign({ name: request.name, roles: request.roles, force: request.force }, settings.secret, {
    algorithm: 'HS256',
    subject: request.userId,
    expiresIn: request.expiresInSeconds,
    ...(settings.issuer ? { issuer: settings.issuer } : {}),
    ...(settings.audience ? { audience: settings.audience } : {}),
  });
}

const DURATION = /^(\d{1,9})(s|m|h|d)?$/;
const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** `90`, `90s`, `15m`, `8h`, `7d` → seconds; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 's') as keyof typeof SECONDS_PER_UNIT;
  const seconds = Number(match[1]) * SECONDS_PER_UNIT[unit];
  return seconds > 0 ? seconds : undefined;
}
