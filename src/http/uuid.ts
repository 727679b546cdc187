import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
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
