import { actorOf, OidcSignInError } from './oidc-sign-in';

const CLAIMS = { rolesClaim: 'roles', forceClaim: 'force' };

describe('the actor of an ID token (issue 14: OIDC sign-in)', () => {
  it('given sub, name, a known role and a force, when read, then it is the actor a bearer token would give', () => {
    expect(actorOf({ sub: 'psd-1', name: 'Pat', roles: ['PSD_INVESTIGATOR', 'SOMETHING_ELSE'], force: 'HAMPSHIRE' }, CLAIMS)).toEqual({
      userId: 'psd-1',
      name: 'Pat',
      roles: ['PSD_INVESTIGATOR'],
      force: 'HAMPSHIRE',
    });
  });

  it('given roles as a space-separated string under another claim, when read, then they are the roles', () => {
    expect(actorOf({ sub: 'x', 'ledger/roles': 'DCC AUDITOR', force: '*' }, { ...CLAIMS, rolesClaim: 'ledger/roles' }).roles).toEqual(['DCC', 'AUDITOR']);
  });

  it.each([
    ['no known role', { sub: 'x', roles: ['ADMINISTRATOR'], force: 'HAMPSHIRE' }],
    ['no force', { sub: 'x', roles: ['DCC'] }],
    ['a force that is no force code', { sub: 'x', roles: ['DCC'], force: 'hampshire' }],
    ['no subject', { roles: ['DCC'], force: 'HAMPSHIRE' }],
  ])('given %s, when read, then sign-in is refused', (_what, claims) => {
    expect(() => actorOf(claims, CLAIMS)).toThrow(OidcSignInError);
  });
});
