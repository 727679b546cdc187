import jwt from 'jsonwebtoken';
import { checkLifetime, InvalidTokenError, parseDuration, signToken, verifyToken } from './token';

const settings = { secret: 'unit-test-secret-unit-test-secret-0123', usingDevelopmentSecret: false, maxLifetimeSeconds: 12 * 3600 };
const request = { userId: 'u-1', name: 'Pat Example', roles: ['DCC' as const], force: 'HAMPSHIRE', expiresInSeconds: 60 };

describe('bearer tokens', () => {
  it('verifies what it signs', () => {
    expect(verifyToken(signToken(request, settings), settings)).toEqual({ userId: 'u-1', name: 'Pat Example', roles: ['DCC'], force: 'HAMPSHIRE' });
  });

  it('checks issuer and audience when they are configured', () => {
    const strict = { ...settings, issuer: 'https://idp.example', audience: 'integrity-ledger' };
    expect(verifyToken(signToken(request, strict), strict).userId).toBe('u-1');
    expect(() => verifyToken(signToken(request, settings), strict)).toThrow(InvalidTokenError);
    expect(() => verifyToken(signToken(request, { ...strict, audience: 'another-service' }), strict)).toThrow(/audience/);
    expect(() => verifyToken(signToken(request, { ...strict, issuer: 'https://elsewhere.example' }), strict)).toThrow(/issuer/);
  });

  it.each([['hampshire'], ['H'], ['**'], ['']])('refuses the force claim %p', (force) => {
    const token = jwt.sign({ name: 'n', roles: ['DCC'], force }, settings.secret, { subject: 's', expiresIn: 60 });
    expect(() => verifyToken(token, settings)).toThrow(/force/);
  });

  it('drops repeated roles', () => {
    const token = jwt.sign({ name: 'n', roles: ['DCC', 'DCC'], force: '*' }, settings.secret, { subject: 's', expiresIn: 60 });
    expect(verifyToken(token, settings).roles).toEqual(['DCC']);
  });

  it.each([
    ['90', 90],
    ['15m', 900],
    ['8h', 28800],
    ['7d', 604800],
    ['0', undefined],
    ['8 hours', undefined],
    ['-1h', undefined],
  ])('reads the duration %p as %p seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  describe('the longest a token may live', () => {
    const now = 1_800_000_000;
    const max = 12 * 3600;
    it('given exp - iat within the limit, then it is accepted', () => {
      expect(() => checkLifetime({ iat: now - 3600, exp: now - 3600 + max }, max, now)).not.toThrow();
    });
    it('given exp - iat beyond the limit, then it is refused, however little of it is left', () => {
      expect(() => checkLifetime({ iat: now - 30 * 86400, exp: now + 60 }, max, now)).toThrow(/lifetime/);
    });
    it('given no iat, then it is counted from now', () => {
      expect(() => checkLifetime({ exp: now + max }, max, now)).not.toThrow();
      expect(() => checkLifetime({ exp: now + 200 * 365 * 86400 }, max, now)).toThrow(/lifetime/);
    });
  });

  it.each([['3b857572-25ba-40a4-b1d0-05d17384b05a\u200b'], ['officer 7'], ['оfficer-7']])('refuses the sub %p: not printable ASCII', (sub) => {
    const token = jwt.sign({ name: 'n', roles: ['DCC'], force: '*' }, settings.secret, { subject: sub, expiresIn: 60 });
    expect(() => verifyToken(token, settings)).toThrow(/printable ASCII/);
  });

  it('lower-cases a sub that is a UUID in upper case', () => {
    const token = jwt.sign({ name: 'n', roles: ['DCC'], force: '*' }, settings.secret, { subject: '3B857572-25BA-40A4-B1D0-05D17384B05A', expiresIn: 60 });
    expect(verifyToken(token, settings).userId).toBe('3b857572-25ba-40a4-b1d0-05d17384b05a');
  });
});
