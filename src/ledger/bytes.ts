/**
 * Byte helpers without Buffer, so that the proof code runs in any JavaScript runtime an
 * offline verifier might use (node:crypto is the only Node API the ledger's pure code needs).
 */

const HEX = /^(?:[0-9a-f]{2})*$/;

export function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

/** Lower-case hex only: one spelling per value, so a hash compares equal as text too. */
export function fromHex(text: string): Uint8Array {
  if (!HEX.test(text)) throw new TypeError(`not lower-case hex of whole bytes: ${text.slice(0, 80)}`);
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export function isHexHash(text: unknown): text is string {
  return typeof text === 'string' && text.length === 64 && HEX.test(text);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}
