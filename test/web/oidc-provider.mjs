// A real OpenID Connect provider (oidc-provider) for the sign-in test (test/web/oidc.test.ts):
// one client, the ledger, and a few accounts whose ID tokens carry roles and force claims.
// Usage: node test/web/oidc-provider.mjs <port> <redirect uri> <client secret>
import Provider from 'oidc-provider';

const [port, redirectUri, clientSecret] = process.argv.slice(2);
const ACCOUNTS = {
  'psd-oidc-1': { name: 'Olive Provider', roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' },
  'no-roles-1': { name: 'Nora Noroles', roles: ['SOMETHING_ELSE'], force: 'HAMPSHIRE' },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: 'integrity-ledger',
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  scopes: ['openid', 'profile', 'ledger'],
  claims: { openid: ['sub'], profile: ['name'], ledger: ['roles', 'force'] },
  // The claims go in the ID token, which is what the ledger reads.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  findAccount: (_context, id) => (ACCOUNTS[id] ? { accountId: id, claims: () => ({ sub: id, ...ACCOUNTS[id] }) } : undefined),
  features: { devInteractions: { enabled: true } },
});

provider.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
