/**
 * Sealing an event's personal data on the write path (src/common/write-path.ts): the named
 * fields encrypted under the person's key, with `<eventId>` as the synthetic nonce's
 * context so a command retried with the same Idempotency-Key appends the same bytes.
 */
import { problem } from '../http/problem';
import { PersonErasedError } from './vault';
import type { Vault } from './vault';

/** Per event type, the fields that hold personal data (a slice's `vaultText` fields, src/common/event-declaration.ts). */
export interface PersonalFields {
  readonly [type: string]: readonly PropertyKey[];
}

/**
 * `data` with `fields` sealed under the key of `personId`. Recording new personal data for
 * an erased person is refused with a 409: it would undo the erasure.
 */
export async function sealPersonalFields<T extends object>(
  vault: Vault,
  personId: string,
  data: T,
  fields: readonly PropertyKey[],
  context: string,
): Promise<T> {
  if (fields.length === 0) return data;
  try {
    return await vault.sealFields(personId, data, fields, context);
  } catch (error) {
    if (error instanceof PersonErasedError) throw problem(409, 'personal-data-erased', error.message);
    throw error;
  }
}
