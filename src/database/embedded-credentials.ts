import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * How the embedded PostgreSQL is reached: only on 127.0.0.1; set up and migrated as its
 * superuser `ledger`, while the service connects as `ledger_service` (src/database/roles.ts). Each has
 * a password generated at the cluster's first start and kept beside it in the data folder
 * (mode 600), never in the source: a password everyone can read would let any local account
 * run `COPY … TO PROGRAM` or switch the ledger's immutability triggers off.
 */
export const EMBEDDED_USER = 'ledger';
export const EMBEDDED_DATABASE = 'ledger';
export const EMBEDDED_PASSWORD_FILE = 'postgres-password';
/** The password of the role the service connects as (src/database/roles.ts), kept the same way. */
export const SERVICE_PASSWORD_FILE = 'postgres-service-password';

/**
 * What clusters initialised before passwords were generated were created with. Read only to
 * upgrade such a cluster: the service then replaces it with a generated one.
 */
export const LEGACY_EMBEDDED_PASSWORD = 'ledger-embedded';

export function embeddedUrl(port: number, database: string, password: string, user = EMBEDDED_USER): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export function passwordFile(dataDir: string, name = EMBEDDED_PASSWORD_FILE): string {
  return path.join(dataDir, name);
}

/** The password kept in the data folder, if there is one (the superuser's unless `name` says otherwise). */
export function readEmbeddedPassword(dataDir: string, name = EMBEDDED_PASSWORD_FILE): string | undefined {
  const file = passwordFile(dataDir, name);
  if (!existsSync(file)) return undefined;
  const password = readFileSync(file, 'utf8').trim();
  return password.length > 0 ? password : undefined;
}

export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

/** Writes the password file (mode 600) atomically: a crash leaves the old file or the new one. */
export function writeEmbeddedPassword(dataDir: string, password: string, name = EMBEDDED_PASSWORD_FILE): void {
  mkdirSync(dataDir, { recursive: true });
  const file = passwordFile(dataDir, name);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${password}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
