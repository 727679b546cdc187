/**
 * Sign-in through the force's OpenID Connect provider (docs/web.md): the authorization code
 * flow with PKCE and a nonce, through `openid-client`. The ID token's `sub`, `name` and the
 * configured roles and force claims make the same Actor a bearer token gives, checked by the
 * same rules (known roles only, a force code or `*`). `openid-client` is an ES module; it
 * is loaded when OIDC is first used, so a service without OIDC never loads it.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig, OidcSettings } from '../config/configuration';
import type { Actor } from '../http/actor';
import { isRole } from '../http/roles';
import { isForceCode } from '../http/token';
import { canonicalUuid } from '../http/uuid';

type OpenIdClient = typeof import('openid-client');

/** What the sign-in must remember between sending the user away and their return (an HttpOnly cookie). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

export class OidcSignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OidcSignInError';
  }
}

@Injectable()
export class OidcSignIn {
  private readonly settings: OidcSettings | undefined;
  private discovered: Promise<{ client: OpenIdClient; configuration: Configuration }> | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.oidc;
  }

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  /** Where to send the user, and what to remember until they return. */
  async start(redirectUri: string): Promise<{ url: string; pending: PendingSignIn }> {
    const { client, configuration } = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const pending: PendingSignIn = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier, redirectUri };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.required().scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** The actor the provider's answer signs in; throws OidcSignInError when it does not make one. */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<Actor> {
    const { client, configuration } = await this.discover();
    const settings = this.required();
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      // The library's messages name what failed (state, nonce, signature); none holds a token.
      throw new OidcSignInError(`The identity provider's answer was refused: ${error instanceof Error ? error.message : 'unknown error'}.`);
    }
    return actorOf(claims ?? {}, settings);
  }

  private required(): OidcSettings {
    if (this.settings === undefined) throw new OidcSignInError('OpenID Connect sign-in is not configured.');
    return this.settings;
  }

  private discover(): Promise<{ client: OpenIdClient; configuration: Configuration }> {
    const settings = this.required();
    this.discovered ??= (async () => {
      const client = await import('openid-client');
      const issuer = new URL(settings.issuer);
      // Plain HTTP only to a provider on this machine (a test's, a developer's); anywhere else HTTPS.
      const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      const configuration = await client.discovery(
        issuer,
        settings.clientId,
        undefined,
        settings.clientSecret === undefined ? client.None() : client.ClientSecretBasic(settings.clientSecret),
        local ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      return { client, configuration };
    })();
    // A failed discovery (provider down) is tried again at the next sign-in.
    this.discovered.catch(() => (this.discovered = undefined));
    return this.discovered;
  }
}

/** The actor of an ID token's claims, by the rules a bearer token's claims follow (src/http/token.ts). */
export function actorOf(claims: Record<string, unknown>, settings: Pick<OidcSettings, 'rolesClaim' | 'forceClaim'>): Actor {
  const { sub, name } = claims;
  const roles = claims[settings.rolesClaim];
  const force = claims[settings.forceClaim];
  if (typeof sub !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(sub)) throw new OidcSignInError('The identity provider gave no usable subject (sub).');
  const list = Array.isArray(roles) ? roles : typeof roles === 'string' ? roles.split(' ') : [];
  const known = list.filter(isRole);
  if (known.length === 0) throw new OidcSignInError(`The identity provider gave none of the ledger's roles in the ${settings.rolesClaim} claim.`);
  if (!isForceCode(force)) throw new OidcSignInError(`The identity provider gave no force code in the ${settings.forceClaim} claim.`);
  return {
    userId: canonicalUuid(sub) ?? sub,
    name: typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 200) : sub,
    roles: [...new Set(known)],
    force,
  };
}
