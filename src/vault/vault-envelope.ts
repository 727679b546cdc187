/**
 * What the personal-data vault puts in an event in place of a personal value, and what a
 * reader is shown instead of it once the person is erased (docs/architecture.md, "Personal
 * data and erasure"). The envelope is the value the event's hash covers: destroying the
 * key leaves the ciphertext, so every chain and seal still verifies.
 */
export const VAULT_FORMAT = 'v1';

export interface VaultEnvelope {
  $vault: typeof VAULT_FORMAT;
  /** Whose key: a register person id, `case-<caseId>` or `recommendation-<id>` (the people a case's or a recommendation's free text is about). */
  personId: string;
  /** base64 of the 12-byte GCM nonce. */
  iv: string;
  /** base64 of the AES-256-GCM ciphertext of the value's JSON. */
  ciphertext: string;
  /** base64 of the 16-byte GCM tag. */
  tag: string;
}

/** What a reader sees in place of a value whose person has been erased. */
export interface ErasedValue {
  erased: true;
}
export const ERASED: ErasedValue = Object.freeze({ erased: true });

export function isVaultEnvelope(value: unknown): value is VaultEnvelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate.$vault === VAULT_FORMAT &&
    typeof candidate.personId === 'string' &&
    typeof candidate.iv === 'string' &&
    typeof candidate.ciphertext === 'string' &&
    typeof candidate.tag === 'string'
  );
}

/** The envelopes anywhere in a JSON value (a correction's replacement nests them). */
export function envelopesIn(value: unknown): VaultEnvelope[] {
  if (isVaultEnvelope(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(envelopesIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(envelopesIn);
  return [];
}

/** A JSON value with every envelope replaced by `open(envelope)`; other values are copied as they are. */
export function mapEnvelopes(value: unknown, open: (envelope: VaultEnvelope) => unknown): unknown {
  if (isVaultEnvelope(value)) return open(value);
  if (Array.isArray(value)) return value.map((item) => mapEnvelopes(item, open));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapEnvelopes(item, open)]));
  }
  return value;
}
