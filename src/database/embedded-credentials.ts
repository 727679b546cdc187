/**
 * How the embedded PostgreSQL is reached. Only on 127.0.0.1, with a data folder owned by the
 * local user; the password keeps other local accounts out of a development database, it is
 * not a production secret.
 */
export const EMBEDDED_USER = 'ledger';
export const EMBEDDED_PASSWORD = 'ledger-embedded';
export const EMBEDDED_DATABASE = 'ledger';

export function embeddedUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}
