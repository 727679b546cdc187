/**
 * Per-person data keys (AES-256-GCM), each wrapped by the master key (AES-256-GCM, the
 * person id as associated data) and kept in `vault_keys`. Erasing a person deletes the
 * wrapped key and keeps a tombstone row (`wrapped_key` NULL, `erased_at` set): from then
 * on every envelope of that person opens as `{ "erased": true }`, and no new personal data
 * can be written for them (a 409: recording it would undo the erasure).
 *
 * Keys are cached in this process once unwrapped. Erasure through this process drops the
 * cached key at once; another instance drops it within KEY_CACHE_MS.
 */
import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { ERASED, mapEnvelopes, VAULT_FORMAT, VaultEnvelope, envelopesIn } from './vault-envelope';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const KEY_CACHE_MS = 60_000;
const TAG_BYTES = 16;
/** The first bytes of a sealed document (sealBytes): format 1. */
const SEALED_BYTES_MAGIC = Buffer.from('ILD1', 'ascii');

export class PersonErasedError extends Error {
  override name = 'PersonErasedError';
  constructor(readonly personId: string) {
    super(`The personal data of ${personId} has been erased: no new personal data can be recorded for them.`);
  }
}

interface CachedKey {
  key: Buffer | null;
  at: number;
}

export interface KeyRow {
  person_id: string;
  wrapped_key: string | null;
  created_at: Date;
  erased_at: Date | null;
}

@Injectable()
export class Vault {
  private readonly cache = new Map<string, CachedKey>();

  constructor(
    private readonly pool: Pool,
    private readonly masterKey: Buffer,
  ) {}

  /**
   * The value encrypted under the person's key (created on first use). With `context` (the
   * event id and field) the nonce is synthetic, an HMAC of context and value under a key
   * derived from the data key: a retried command (same Idempotency-Key, so same event ids)
   * seals the same bytes and the store recognises its first append instead of refusing
   * different content under a used event id. Different values never share a nonce (but for a
   * 2^-96 chance); only the same value in the same event field encrypts the same way.
   */
  async seal(personId: string, value: unknown, context?: string): Promise<VaultEnvelope> {
    const key = await this.keyForWriting(personId);
    const iv =
      context === undefined
        ? randomBytes(IV_BYTES)
        : createHmac('sha256', Buffer.from(hkdfSync('sha256', key, 'integrity-ledger-vault', 'synthetic-iv', 32)))
            .update(`${context}\u0000${JSON.stringify(value)}`)
            .digest()
            .subarray(0, IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    cipher.setAAD(Buffer.from(personId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return {
      $vault: VAULT_FORMAT,
      personId,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** `data` with the named top-level fields sealed for the person (absent and null fields stay as they are). */
  async sealFields<T extends object>(personId: string, data: T, fields: readonly PropertyKey[], context?: string): Promise<T> {
    const copy = { ...data } as Record<PropertyKey, unknown>;
    for (const field of fields) {
      const value = copy[field];
      if (value === undefined || value === null) continue;
      copy[field] = await this.seal(personId, value, context === undefined ? undefined : `${context}/${String(field)}`);
    }
    return copy as unknown as T;
  }

  /**
   * A document's content sealed under the person's key (AES-256-GCM): `ILD1` ‖ iv ‖ tag ‖
   * ciphertext, with the person id and the content's hash as associated data. The nonce is
   * synthetic (an HMAC of the content's hash under a key derived from the data key), so the same
   * content sealed again for the same person gives the same bytes: storing it is idempotent, and
   * a retried upload finds its object. Refused (PersonErasedError) once the person is erased.
   */
  async sealBytes(personId: string, content: Uint8Array, sha256: string): Promise<Buffer> {
    const key = await this.keyForWriting(personId);
    const iv = createHmac('sha256', Buffer.from(hkdfSync('sha256', key, 'integrity-ledger-vault', 'document-iv', 32)))
      .update(sha256)
      .digest()
      .subarray(0, IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    cipher.setAAD(Buffer.from(`${personId}\u0000${sha256}`, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(content), cipher.final()]);
    return Buffer.concat([SEALED_BYTES_MAGIC, iv, cipher.getAuthTag(), ciphertext]);
  }

  /** The content `sealBytes` sealed, or null once the person is erased (the key is gone: the bytes cannot be opened). */
  async openBytes(personId: string, sealed: Uint8Array, sha256: string): Promise<Buffer | null> {
    const key = await this.keyForReading(personId);
    if (key === null) return null;
    const bytes = Buffer.from(sealed);
    if (!bytes.subarray(0, SEALED_BYTES_MAGIC.length).equals(SEALED_BYTES_MAGIC)) throw new Error('not a sealed document');
    const ivStart = SEALED_BYTES_MAGIC.length;
    const tagStart = ivStart + IV_BYTES;
    const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(ivStart, tagStart));
    decipher.setAAD(Buffer.from(`${personId}\u0000${sha256}`, 'utf8'));
    decipher.setAuthTag(bytes.subarray(tagStart, tagStart + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(tagStart + TAG_BYTES)), decipher.final()]);
  }

  /** Every envelope in `value` opened: the clear value, or `{ erased: true }` once the person is erased. */
  async open<T>(value: T): Promise<T> {
    const people = [...new Set(envelopesIn(value).map((envelope) => envelope.personId))];
    if (people.length === 0) return value;
    const keys = await this.keysForReading(people);
    return mapEnvelopes(value, (envelope) => {
      const key = keys.get(envelope.personId) ?? null;
      return key === null ? ERASED : decrypt(key, envelope);
    }) as T;
  }

  /**
   * Destroys the person's key: the wrapped key is deleted and a tombstone kept. Returns
   * false when the person was already erased.
   */
  async erase(personId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO vault_keys (person_id, wrapped_key, created_at, erased_at) VALUES ($1, NULL, now(), now())
       ON CONFLICT (person_id) DO UPDATE SET wrapped_key = NULL, erased_at = now() WHERE vault_keys.erased_at IS NULL`,
      [personId],
    );
    this.cache.set(personId, { key: null, at: Date.now() });
    return (rowCount ?? 0) > 0;
  }

  async isErased(personId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ erased: boolean }>('SELECT erased_at IS NOT NULL AS erased FROM vault_keys WHERE person_id = $1', [personId]);
    return rows[0]?.erased ?? false;
  }

  private async keyForWriting(personId: string): Promise<Buffer> {
    const key = await this.keyForReading(personId);
    if (key !== null) return key;
    if (await this.isErased(personId)) throw new PersonErasedError(personId);
    const fresh = randomBytes(32);
    await this.pool.query('INSERT INTO vault_keys (person_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING', [
      personId,
      this.wrap(personId, fresh),
    ]);
    // Two writers may create a key at once: whichever row won is the key.
    this.cache.delete(personId);
    const stored = await this.keyForReading(personId);
    if (stored === null) throw new PersonErasedError(personId);
    return stored;
  }

  /** The person's key, or null when they have none (never written, or erased). */
  private async keyForReading(personId: string): Promise<Buffer | null> {
    return (await this.keysForReading([personId])).get(personId) ?? null;
  }

  /**
   * Each person's key, or null; those not cached (or cached too long ago) read in one query,
   * so a list of many people's records (recommendations: one vault person each) costs one.
   */
  private async keysForReading(people: readonly string[]): Promise<Map<string, Buffer | null>> {
    const keys = new Map<string, Buffer | null>();
    const unknown: string[] = [];
    for (const personId of people) {
      const cached = this.cache.get(personId);
      if (cached !== undefined && Date.now() - cached.at < KEY_CACHE_MS && cached.key !== null) keys.set(personId, cached.key);
      else unknown.push(personId);
    }
    if (unknown.length === 0) return keys;
    const { rows } = await this.pool.query<Pick<KeyRow, 'person_id' | 'wrapped_key'>>(
      'SELECT person_id, wrapped_key FROM vault_keys WHERE person_id = ANY($1::text[])',
      [unknown],
    );
    const wrappedOf = new Map(rows.map((row) => [row.person_id, row.wrapped_key]));
    for (const personId of unknown) {
      const wrapped = wrappedOf.get(personId) ?? null;
      const key = wrapped === null ? null : this.unwrap(personId, wrapped);
      if (key !== null) this.cache.set(personId, { key, at: Date.now() });
      else this.cache.delete(personId);
      keys.set(personId, key);
    }
    return keys;
  }

  private wrap(personId: string, key: Buffer): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.masterKey, iv);
    cipher.setAAD(Buffer.from(`vault-key:${personId}`, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
    return `v1.${iv.toString('base64')}.${ciphertext.toString('base64')}.${cipher.getAuthTag().toString('base64')}`;
  }

  private unwrap(personId: string, wrapped: string): Buffer {
    const [version, iv, ciphertext, tag] = wrapped.split('.');
    if (version !== 'v1' || iv === undefined || ciphertext === undefined || tag === undefined)
      throw new Error(`vault_keys: unreadable wrapped key for ${personId}`);
    const decipher = createDecipheriv(ALGORITHM, this.masterKey, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(`vault-key:${personId}`, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
    } catch {
      throw new Error(`vault_keys: the master key does not open the key of ${personId} (is LEDGER_MASTER_KEY the one the data was written with?)`);
    }
  }
}

function decrypt(key: Buffer, envelope: VaultEnvelope): unknown {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(envelope.iv, 'base64'));
  decipher.setAAD(Buffer.from(envelope.personId, 'utf8'));
  decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
  const clear = Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  return JSON.parse(clear) as unknown;
}
