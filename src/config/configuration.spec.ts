import { ConfigurationError, DEVELOPMENT_JWT_SECRET, loadConfiguration } from './configuration';

const REAL_SECRET = 'a-real-secret-of-more-than-thirty-two-characters';
const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

function problemsOf(environment: NodeJS.ProcessEnv): string[] {
  try {
    loadConfiguration(environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
}

describe('configuration outside development (issue 11, item 14)', () => {
  it.each([{ NODE_ENV: 'production' }, { LEDGER_ENV: 'production' }])(
    'given %p without secrets, when loaded, then it refuses naming both variables',
    (environment) => {
      const problems = problemsOf(environment);
      expect(problems).toEqual([
        expect.stringMatching(/^LEDGER_JWT_SECRET \(or LEDGER_JWT_JWKS_URL\) must be set/),
        expect.stringMatching(/^LEDGER_MASTER_KEY must be set/),
      ]);
    },
  );

  it('given production with the public development secret, when loaded, then it refuses it', () => {
    expect(problemsOf({ LEDGER_ENV: 'production', LEDGER_JWT_SECRET: DEVELOPMENT_JWT_SECRET, LEDGER_MASTER_KEY: MASTER_KEY })).toEqual([
      expect.stringMatching(/^LEDGER_JWT_SECRET must not be the public development secret/),
    ]);
  });

  it('given production with a JWKS and a master key, when loaded, then it starts', () => {
    const config = loadConfiguration({ NODE_ENV: 'production', LEDGER_JWT_JWKS_URL: 'https://idp.example/jwks', LEDGER_MASTER_KEY: MASTER_KEY });
    expect(config.production).toBe(true);
  });

  it('given production with a real secret and a master key, when loaded, then it starts', () => {
    expect(loadConfiguration({ LEDGER_ENV: 'production', LEDGER_JWT_SECRET: REAL_SECRET, LEDGER_MASTER_KEY: MASTER_KEY }).production).toBe(true);
  });

  it('given an explicit LEDGER_ENV=development, when NODE_ENV says production, then the explicit setting wins', () => {
    expect(loadConfiguration({ NODE_ENV: 'production', LEDGER_ENV: 'development' }).production).toBe(false);
  });

  it('given no environment, when loaded, then development defaults apply', () => {
    const config = loadConfiguration({});
    expect({ production: config.production, development: config.jwt.usingDevelopmentSecret }).toEqual({ production: false, development: true });
  });

  it('given an unknown LEDGER_ENV, when loaded, then it refuses it', () => {
    expect(problemsOf({ LEDGER_ENV: 'prod' })).toHaveLength(1);
  });
});

describe('database connections and timeouts (issue 11, item 7)', () => {
  it('given nothing, when loaded, then the background pool and every timeout have defaults', () => {
    expect(loadConfiguration({}).database).toEqual({
      requestPoolSize: 10,
      backgroundPoolSize: 6,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 30_000,
      backgroundStatementTimeoutMs: 600_000,
      lockTimeoutMs: 10_000,
      idleInTransactionTimeoutMs: 60_000,
    });
  });

  it('given a zero lock timeout, when loaded, then it refuses it (0 would mean wait for ever)', () => {
    expect(problemsOf({ LEDGER_DB_LOCK_TIMEOUT_MS: '0' })).toHaveLength(1);
  });
});

describe('OpenID Connect sign-in for the pages (issue 14)', () => {
  it('given no issuer, when loaded, then the pages have no OIDC sign-in', () => {
    expect(loadConfiguration({}).oidc).toBeUndefined();
  });

  it('given an issuer and a client, when loaded, then the claims default to roles and force', () => {
    expect(loadConfiguration({ LEDGER_OIDC_ISSUER: 'https://login.example.police.uk', LEDGER_OIDC_CLIENT_ID: 'ledger' }).oidc).toEqual({
      issuer: 'https://login.example.police.uk',
      clientId: 'ledger',
      clientSecret: undefined,
      rolesClaim: 'roles',
      forceClaim: 'force',
      scope: 'openid profile',
    });
  });

  it('given an issuer without a client id, when loaded, then it refuses the half-made setting', () => {
    expect(problemsOf({ LEDGER_OIDC_ISSUER: 'https://login.example.police.uk' })).toEqual([
      'LEDGER_OIDC_ISSUER and LEDGER_OIDC_CLIENT_ID must be set together',
    ]);
  });
});
