/**
 * LEDGER_JWT_JWKS_URL: RS256 tokens signed by an identity provider's key, checked against
 * its JWKS (served here by a tiny local HTTP server), with expiry, issuer and audience.
 */
import { createHmac, generateKeyPairSync, KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config/configuration';
import { startTestApp, TestApp } from '../support/app';

const ISSUER = 'https://idp.example.police.uk';
const AUDIENCE = 'integrity-ledger';

function rsaKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

describe('RS256 tokens from a JWKS', () => {
  const provider = rsaKey();
  const stranger = rsaKey();
  let jwksServer: http.Server;
  let jwksRequests = 0;
  let service: TestApp;

  const sign = (
    options: {
      key?: KeyObject;
      kid?: string;
      expiresIn?: number;
      notBefore?: number;
      issuer?: string;
      audience?: string;
      algorithm?: 'RS256' | 'HS256';
      secret?: string;
    } = {},
  ) =>
    jwt.sign({ name: 'Ada Auditor', roles: ['AUDITOR'], force: '*' }, options.secret ?? options.key ?? provider.privateKey, {
      algorithm: options.algorithm ?? 'RS256',
      ...(options.algorithm === 'HS256' ? {} : { keyid: options.kid ?? 'provider-1' }),
      subject: 'auditor-rs256',
      expiresIn: options.expiresIn ?? 600,
      ...(options.notBefore === undefined ? {} : { notBefore: options.notBefore }),
      issuer: options.issuer ?? ISSUER,
      audience: options.audience ?? AUDIENCE,
    });
  /** HS256 keyed with the provider's public key, as text: the algorithm-confusion forgery. */
  const confused = (): string => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'auditor-rs256', name: 'Ada Auditor', roles: ['AUDITOR'], force: '*', iat: now, exp: now + 600, iss: ISSUER, aud: AUDIENCE };
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT', kid: 'provider-1' })}.${encode(claims)}`;
    const publicPem = provider.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    return `${unsigned}.${createHmac('sha256', publicPem).update(unsigned).digest('base64url')}`;
  };
  const verify = (token: string) => service.http().get('/api/v1/ledger/verify').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    const jwk = { ...provider.publicKey.export({ format: 'jwk' }), kid: 'provider-1', use: 'sig', alg: 'RS256' };
    jwksServer = http.createServer((_request, response) => {
      jwksRequests += 1;
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as AddressInfo;
    service = await startTestApp({
      LEDGER_JWT_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      LEDGER_JWT_ISSUER: ISSUER,
      LEDGER_JWT_AUDIENCE: AUDIENCE,
    });
  });
  afterAll(async () => {
    await service.close();
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  it('accepts a token signed by a key of the JWKS', async () => {
    const response = await verify(sign());
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(true);
    await verify(sign()).expect(200);
    expect(jwksRequests).toBe(1);
  });

  it.each([
    ['signed by a key the JWKS does not hold, under its kid', () => sign({ key: stranger.privateKey })],
    ['naming a kid the JWKS does not hold', () => sign({ kid: 'unknown-kid' })],
    ['expired', () => sign({ expiresIn: -60 })],
    ['not valid yet (nbf an hour ahead)', () => sign({ notBefore: 3600, expiresIn: 7200 })],
    ['from another issuer', () => sign({ issuer: 'https://elsewhere.example' })],
    ['for another audience', () => sign({ audience: 'another-service' })],
    ['HS256 with the development secret', () => sign({ algorithm: 'HS256', secret: DEVELOPMENT_JWT_SECRET })],
    ['HS256 keyed with the provider’s public key (algorithm confusion)', confused],
  ])('refuses a token %s (401)', async (_title, token) => {
    const response = await verify(token());
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
