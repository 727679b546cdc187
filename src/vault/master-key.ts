/**
 * The master key that wraps every person's data key (docs/api.md, "Running": LEDGER_MASTER_KEY).
 *
 * - `LEDGER_MASTER_KEY` set: 32 bytes, as base64 (44 characters) or hex (64 characters).
 *   Anything else refuses to start.
 * - Unset, embedded PostgreSQL (development: `npm start`): a random key is generated once
 *   and kept in `<LEDGER_DATA_DIR>/vault-master.key` (mode 0600), beside the database it
 *   protects, with a loud warning at start-up.
 * - Unset, `DATABASE_URL` (tests, a developer's own PostgreSQL): a fixed development key,
 *   derived (HKDF-SHA-256) from a public constant, with the same loud warning. Nothing is
 *   written anywhere and data stays readable across restarts; but the key is public, so the
 *   encryption protects nothing: like the development JWT secret, never use it for real
 *   data. Set LEDGER_MASTER_KEY in every real deployment.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const MASTER_KEY_BYTES = 32;
export const MASTER_KEY_FILE = 'vault-master.key';
const DEVELOPMENT_MASTER_KEY_SEED = 'integrity-ledger-development-master-key-do-not-use-in-production';

export type MasterKeySource = 'configured' | 'generated-file' | 'development-derived';

export interface MasterKey {
  key: Buffer;
  source: MasterKeySource;
  /** Where a generated key is kept (source 'generated-file'). */
  file?: string;
}

export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}

/** LEDGER_MASTER_KEY as bytes: 64 hex characters or base64 of 32 bytes. */
export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)
      ? Buffer.from(trimmed, 'base64')
      : Buffer.alloc(0);
  if (key.length !== MASTER_KEY_BYTES) {
    throw new MasterKeyError('LEDGER_MASTER_KEY must be 32 bytes, as 64 hex characters or base64 (e.g. `openssl rand -base64 32`)');
  }
  return key;
}

export function developmentMasterKey(): Buffer {
  return Buffer.from(hkdfSync('sha256', DEVELOPMENT_MASTER_KEY_SEED, 'integrity-ledger', 'vault-master-key', MASTER_KEY_BYTES));
}

export function resolveMasterKey(options: { masterKey?: string; dataDir: string; embedded: boolean }): MasterKey {
  if (options.masterKey !== undefined) return { key: parseMasterKey(options.masterKey), source: 'configured' };
  if (!options.embedded) return { key: developmentMasterKey(), source: 'development-derived' };
  const file = path.join(options.dataDir, MASTER_KEY_FILE);
  if (existsSync(file)) return { key: parseMasterKey(readFileSync(file, 'utf8')), source: 'generated-file', file };
  mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(MASTER_KEY_BYTES);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, source: 'generated-file', file };
}

/** The start-up warning for a key that did not come from LEDGER_MASTER_KEY; undefined when it did. */
export function masterKeyWarning(masterKey: MasterKey): string | undefined {
  switch (masterKey.source) {
    case 'configured':
      return undefined;
    case 'generated-file':
      return `WARNING: LEDGER_MASTER_KEY is not set: personal data is encrypted with a development master key generated in ${masterKey.file}. Losing that file loses every person's data; set LEDGER_MASTER_KEY in production.`;
    case 'development-derived':
      return 'WARNING: LEDGER_MASTER_KEY is not set: personal data is encrypted with the PUBLIC development master key. Never use this for real data; set LEDGER_MASTER_KEY (32 bytes, base64 or hex).';
  }
}
