/**
 * RS256 tokens checked against the keys of an identity provider's JWKS
 * (LEDGER_JWT_JWKS_URL): fetched on first use, kept for KEYS_FRESH_MS, and fetched again
 * at once for a `kid` not seen yet (a key rotation), at most once per REFETCH_MIN_MS so a
 * stream of forged kids cannot make the service hammer the provider.
 */
import { createPublicKey, KeyObject } from 'node:crypto';
import { InvalidTokenError } from './token';

const KEYS_FRESH_MS = 10 * 60_000;
const REFETCH_MIN_MS = 30_000;
const FETCH_TIMEOUT_MS = 5_000;

interface Jwk {
  kty?: string;
  kid?: string;
  use?: string;
  alg?: string;
  [member: string]: unknown;
}

export class JwksKeySource {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private inFlight: Promise<void> | undefined;

  constructor(
    readonly url: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The RSA public key of `kid`; InvalidTokenError when the JWKS has none such. */
  async keyFor(kid: string | undefined): Promise<KeyObject> {
    if (kid === undefined) throw new InvalidTokenError('The bearer token names no key (kid).');
    const stale = this.now() - this.fetchedAt > KEYS_FRESH_MS;
    const unknownMayRefetch = !this.keys.has(kid) && this.now() - this.fetchedAt > REFETCH_MIN_MS;
    if (stale || unknownMayRefetch) await this.refresh();
    const key = this.keys.get(kid);
    if (key === undefined) throw new InvalidTokenError('The bearer token is signed with a key the identity provider does not publish.');
    return key;
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.fetchKeys().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetchKeys(): Promise<void> {
    const response = await fetch(this.url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`The JWKS at LEDGER_JWT_JWKS_URL answered ${response.status}.`);
    const body = (await response.json()) as { keys?: Jwk[] };
    const keys = new Map<string, KeyObject>();
    for (const jwk of body.keys ?? []) {
      if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      if (jwk.alg !== undefined && jwk.alg !== 'RS256') continue;
      keys.set(jwk.kid, createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' }));
    }
    this.keys = keys;
    this.fetchedAt = this.now();
  }
}
