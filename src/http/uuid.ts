import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID written 8-4-4-4-12, in either case. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/**
 * The one spelling of an id this service stores and compares: a UUID written 8-4-4-4-12 in
 * lower case. The subject, own-record and conflict checks compare ids as strings, so every
 * id is brought to it once, at the edge (path, body, token `sub`); a second spelling of the
 * same UUID would otherwise be a second person (issue 11).
 */
export function isCanonicalUuid(value: unknown): value is string {
  return typeof value === 'string' && CANONICAL_UUID.test(value);
}

/**
 * The canonical spelling of `text` when it is a UUID written 8-4-4-4-12 (upper case is
 * lower-cased); undefined for anything else. Braces, `urn:uuid:`, surrounding spaces and
 * missing hyphens are refused rather than repaired: no client of this API sends them, and a
 * spelling that is repaired in one place and not in another is how the checks were defeated.
 */
export function canonicalUuid(text: string): string | undefined {
  return UUID.test(text) ? text.toLowerCase() : undefined;
}

/**
 * Whether `text` is some other spelling of a UUID than 8-4-4-4-12 (braces, `urn:uuid:`,
 * spaces, hyphens elsewhere or none, as PostgreSQL's uuid type also reads them): text that
 * names a UUID but is not written as one.
 */
export function isOtherUuidSpelling(text: string): boolean {
  if (UUID.test(text)) return false;
  const bare = text
    .trim()
    .replace(/^urn:uuid:/i, '')
    .replace(/^\{(.*)\}$/, '$1');
  return /^[0-9a-f-]+$/i.test(bare) && bare.replace(/-/g, '').length === 32;
}

// The namespace of this service's name-based UUIDs (a random UUID, fixed for ever: changing
// it would change the event ids a retried command derives, and break its idempotency).
const NAMESPACE = Buffer.from('6d1f3c0e8a2b4f57b9e04c2a7d5e1f83', 'hex');

/**
 * A version-5 UUID (RFC 9562: SHA-1 of namespace and name) of the given parts. The same
 * parts always give the same UUID, which is what makes a retried append idempotent.
 */
export function nameBasedUuid(parts: string[]): string {
  // JSON keeps the parts apart: ["a-b", "c"] and ["a", "b-c"] name different things.
  const bytes = createHash('sha1').update(NAMESPACE).update(JSON.stringify(parts), 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
