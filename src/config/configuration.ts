import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import path from 'node:path';
import { DayRange, DEFAULT_LEGAL_DAYS, isIsoDay, LEGAL_DAYS_LIMITS } from '../common/days';

/**
 * Every setting the service reads, in one validated place. Nothing else reads
 * `process.env`: the Nest module, the command-line tools and the tests all call
 * `loadConfiguration`.
 */
export const DEVELOPMENT_JWT_SECRET = 'integrity-ledger-development-secret-do-not-use-in-production';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
const emptyToUndefined = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const PROXY_ADDRESS = String.raw`(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(/\d{1,3})?)`;
const TRUST_PROXY = new RegExp(String.raw`^\s*(false|true|\d{1,2}|${PROXY_ADDRESS}(\s*,\s*${PROXY_ADDRESS})*)\s*$`);

/** LEDGER_TRUST_PROXY as Express's `trust proxy` setting takes it. */
function trustProxySetting(text: string): boolean | number | string {
  const trimmed = text.trim();
  if (trimmed === 'false' || trimmed === 'true') return trimmed === 'true';
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

class EnvironmentVariables {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  LEDGER_DATA_DIR = './data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** The owner's URL for the migrations (README "Database roles"); DATABASE_URL when unset. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LEDGER_MIGRATION_DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  LEDGER_EMBEDDED_PG_PORT = 54329;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  EVENTSTORE_CONNECTION_STRING?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'LEDGER_JWT_SECRET must be at least 32 characters' })
  LEDGER_JWT_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LEDGER_JWT_ISSUER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LEDGER_JWT_AUDIENCE?: string;

  /** An identity provider's JWKS: RS256 tokens signed by its keys are accepted. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  LEDGER_JWT_JWKS_URL?: string;

  /** The longest a bearer token may live (exp - iat, or exp - now without iat); 12 hours by default. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(30 * 86400)
  LEDGER_JWT_MAX_LIFETIME_SECONDS = 12 * 3600;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LEDGER_MASTER_KEY?: string;

  /** The pages' sign-in: the force's OpenID Connect provider (authorization code flow with PKCE, src/web/oidc-sign-in.ts). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  LEDGER_OIDC_ISSUER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LEDGER_OIDC_CLIENT_ID?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LEDGER_OIDC_CLIENT_SECRET?: string;

  /** The ID token claims that carry the user's roles (a list of the ledger's roles) and force code. */
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'LEDGER_OIDC_ROLES_CLAIM must be a claim name' })
  LEDGER_OIDC_ROLES_CLAIM = 'roles';

  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'LEDGER_OIDC_FORCE_CLAIM must be a claim name' })
  LEDGER_OIDC_FORCE_CLAIM = 'force';

  /** The scopes asked for: openid, and whatever scopes release the roles and force claims. */
  @Matches(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, { message: 'LEDGER_OIDC_SCOPE must be scopes separated by spaces' })
  LEDGER_OIDC_SCOPE = 'openid profile';

  /**
   * Express's `trust proxy`: `false` (the default: the client is the peer), `true`, a number of
   * proxy hops, or a comma-separated list of proxy addresses, subnets or the names loopback,
   * linklocal, uniquelocal. Behind a load balancer it makes the client's address the one the
   * rate limit counts anonymous requests by.
   */
  @Matches(TRUST_PROXY, {
    message: 'LEDGER_TRUST_PROXY must be false, true, a number of hops, or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal',
  })
  LEDGER_TRUST_PROXY = 'false';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  LEDGER_DB_POOL_SIZE = 10;

  /** Connections of the background work (projections, sealer, subscriptions), apart from the requests'. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  LEDGER_DB_BACKGROUND_POOL_SIZE = 6;

  /** How long a new connection may take before the request fails (503) rather than waits. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  LEDGER_DB_CONNECT_TIMEOUT_MS = 5000;

  /** statement_timeout of the requests' connections. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  LEDGER_DB_STATEMENT_TIMEOUT_MS = 30_000;

  /** statement_timeout of background connections: a replay batch or an ANALYZE at a million events takes longer. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  LEDGER_DB_BACKGROUND_STATEMENT_TIMEOUT_MS = 600_000;

  /** lock_timeout of every connection (the append's own lock keeps its 30 s). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  LEDGER_DB_LOCK_TIMEOUT_MS = 10_000;

  /** idle_in_transaction_session_timeout of every connection. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  LEDGER_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  /** `production` demands real secrets (so does NODE_ENV=production). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['development', 'production'])
  LEDGER_ENV?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /** Requests per user (JWT sub) per minute; 0 turns the limit off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  LEDGER_RATE_LIMIT_PER_MINUTE = 600;

  /** Requests per minute per client address without a valid token (sign-in, 401s); at most the per-user limit. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LEDGER_ANONYMOUS_RATE_LIMIT_PER_MINUTE = 120;

  /** A request's headers must all arrive within this (slow clients: 408, connection closed). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  LEDGER_HTTP_HEADERS_TIMEOUT_MS = 10_000;

  /** A whole request (headers and body, an upload too) must arrive within this. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  LEDGER_HTTP_REQUEST_TIMEOUT_MS = 120_000;

  /** An idle kept-alive connection is closed after this; behind a load balancer, keep it above the balancer's idle timeout. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  LEDGER_HTTP_KEEP_ALIVE_TIMEOUT_MS = 5_000;

  /** Seal once this many events are unsealed; 0 turns this trigger off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  LEDGER_SEAL_EVERY_EVENTS = 1000;

  /** Seal unsealed events once the last seal is this many seconds old; 0 turns this trigger off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  LEDGER_SEAL_INTERVAL_SECONDS = 60;

  /** The seals' Ed25519 signing key (PKCS#8 PEM file); generated once under LEDGER_DATA_DIR when unset. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LEDGER_SEAL_SIGNING_KEY_FILE?: string;

  /** The seals' append-only witness outside the database (src/ledger/witness.ts); `<LEDGER_DATA_DIR>/witness` when unset. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LEDGER_WITNESS_DIR?: string;

  /** Where documents' sealed content is stored (src/documents); `<LEDGER_DATA_DIR>/documents` by default. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LEDGER_DOCUMENTS_DIR?: string;

  /** The largest document an upload may carry, in bytes (413 beyond it); 25 MB by default. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1024 * 1024 * 1024)
  LEDGER_DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

  /** More public keys (`*.pem`) verify trusts seals signed with, beside those the witness keeps. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LEDGER_SEAL_PUBLIC_KEYS_DIR?: string;

  /** The first day a body or a query may name (src/common/days.ts). */
  @IsString()
  LEDGER_EARLIEST_DAY = DEFAULT_LEGAL_DAYS.earliest;

  /** The last day a body or a query may name. */
  @IsString()
  LEDGER_LATEST_DAY = DEFAULT_LEGAL_DAYS.latest;
  /** How long an erasure request waits, open to withdrawal, before a second ADMIN may approve it. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(30 * 86400)
  LEDGER_ERASURE_DELAY_SECONDS = 86400;
}

export interface AppConfig {
  port: number;
  dataDir: string;
  /** An external PostgreSQL; when absent the service starts its embedded one. */
  databaseUrl?: string;
  /** With databaseUrl: the role that owns the schema and runs the migrations (src/database/roles.ts). */
  migrationDatabaseUrl?: string;
  embeddedPostgresPort: number;
  eventStoreConnectionString?: string;
  jwt: { secret: string; usingDevelopmentSecret: boolean; issuer?: string; audience?: string; jwksUrl?: string; maxLifetimeSeconds: number };
  masterKey?: string;
  /** The pages' OpenID Connect sign-in; undefined when LEDGER_OIDC_ISSUER is not set. */
  oidc?: OidcSettings;
  logLevel: string;
  databasePoolSize: number;
  /** Connections and timeouts (src/database/pools.ts). */
  database: DatabaseSettings;
  /** NODE_ENV=production or LEDGER_ENV=production: real secrets are required. */
  production: boolean;
  /** Requests per user per minute (src/http/rate-limit.ts); 0: no limit. */
  rateLimitPerMinute: number;
  /** Requests per client address per minute without a valid token; never above rateLimitPerMinute. */
  anonymousRateLimitPerMinute: number;
  /** The HTTP server's timeouts against slow clients (src/http/server-timeouts.ts). */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number };
  /** Express's `trust proxy` (LEDGER_TRUST_PROXY): whose address a request comes from behind a proxy. */
  trustProxy: boolean | number | string;
  /** The sealer (src/ledger): both 0 means this process does not seal. Seals are signed and witnessed. */
  ledger: { sealEveryEvents: number; sealIntervalSeconds: number; signingKeyFile?: string; witnessDir: string; publicKeysDir?: string };
  /** Days outside it are refused in every body and query (400). */
  legalDays: DayRange;
  /** Documents (src/documents): where their sealed content is stored, and the largest upload. */
  documents: { dir: string; maxBytes: number };
  /** Seconds between an erasure request and the earliest approval (src/vault/erasure.ts). */
  erasureDelaySeconds: number;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  rolesClaim: string;
  forceClaim: string;
  scope: string;
}

export interface DatabaseSettings {
  requestPoolSize: number;
  backgroundPoolSize: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  backgroundStatementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigurationError';
  }
}

export function loadConfiguration(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const relevant = Object.fromEntries(
    Object.entries(environment).filter(
      ([key]) => known.includes(key) || key.startsWith('LEDGER_') || key === 'DATABASE_URL' || key === 'EVENTSTORE_CONNECTION_STRING' || key === 'NODE_ENV',
    ),
  );
  const variables = plainToInstance(EnvironmentVariables, relevant, { exposeDefaultValues: true });
  const errors = validateSync(variables, { whitelist: true });
  const problems = [...errors.flatMap((error) => Object.values(error.constraints ?? {})), ...legalDaysProblems(variables), ...oidcProblems(variables)];
  if (problems.length > 0) throw new ConfigurationError(problems);
  const production = variables.LEDGER_ENV === 'production' || (variables.LEDGER_ENV === undefined && variables.NODE_ENV === 'production');
  if (production) refuseDevelopmentSecrets(variables);
  return {
    port: variables.PORT,
    dataDir: path.resolve(variables.LEDGER_DATA_DIR),
    databaseUrl: variables.DATABASE_URL,
    migrationDatabaseUrl: variables.LEDGER_MIGRATION_DATABASE_URL,
    embeddedPostgresPort: variables.LEDGER_EMBEDDED_PG_PORT,
    eventStoreConnectionString: variables.EVENTSTORE_CONNECTION_STRING,
    jwt: {
      secret: variables.LEDGER_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
      usingDevelopmentSecret: variables.LEDGER_JWT_SECRET === undefined,
      issuer: variables.LEDGER_JWT_ISSUER,
      audience: variables.LEDGER_JWT_AUDIENCE,
      jwksUrl: variables.LEDGER_JWT_JWKS_URL,
      maxLifetimeSeconds: variables.LEDGER_JWT_MAX_LIFETIME_SECONDS,
    },
    masterKey: variables.LEDGER_MASTER_KEY,
    oidc:
      variables.LEDGER_OIDC_ISSUER === undefined || variables.LEDGER_OIDC_CLIENT_ID === undefined
        ? undefined
        : {
            issuer: variables.LEDGER_OIDC_ISSUER,
            clientId: variables.LEDGER_OIDC_CLIENT_ID,
            clientSecret: variables.LEDGER_OIDC_CLIENT_SECRET,
            rolesClaim: variables.LEDGER_OIDC_ROLES_CLAIM,
            forceClaim: variables.LEDGER_OIDC_FORCE_CLAIM,
            scope: variables.LEDGER_OIDC_SCOPE,
          },
    logLevel: variables.LOG_LEVEL,
    databasePoolSize: variables.LEDGER_DB_POOL_SIZE,
    database: {
      requestPoolSize: variables.LEDGER_DB_POOL_SIZE,
      backgroundPoolSize: variables.LEDGER_DB_BACKGROUND_POOL_SIZE,
      connectTimeoutMs: variables.LEDGER_DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: variables.LEDGER_DB_STATEMENT_TIMEOUT_MS,
      backgroundStatementTimeoutMs: variables.LEDGER_DB_BACKGROUND_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: variables.LEDGER_DB_LOCK_TIMEOUT_MS,
      idleInTransactionTimeoutMs: variables.LEDGER_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    production,
    rateLimitPerMinute: variables.LEDGER_RATE_LIMIT_PER_MINUTE,
    anonymousRateLimitPerMinute: Math.min(variables.LEDGER_ANONYMOUS_RATE_LIMIT_PER_MINUTE, variables.LEDGER_RATE_LIMIT_PER_MINUTE),
    http: {
      headersTimeoutMs: variables.LEDGER_HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: Math.max(variables.LEDGER_HTTP_REQUEST_TIMEOUT_MS, variables.LEDGER_HTTP_HEADERS_TIMEOUT_MS),
      keepAliveTimeoutMs: variables.LEDGER_HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    trustProxy: trustProxySetting(variables.LEDGER_TRUST_PROXY),
    ledger: {
      sealEveryEvents: variables.LEDGER_SEAL_EVERY_EVENTS,
      sealIntervalSeconds: variables.LEDGER_SEAL_INTERVAL_SECONDS,
      signingKeyFile: variables.LEDGER_SEAL_SIGNING_KEY_FILE && path.resolve(variables.LEDGER_SEAL_SIGNING_KEY_FILE),
      witnessDir: path.resolve(variables.LEDGER_WITNESS_DIR ?? path.join(variables.LEDGER_DATA_DIR, 'witness')),
      publicKeysDir: variables.LEDGER_SEAL_PUBLIC_KEYS_DIR && path.resolve(variables.LEDGER_SEAL_PUBLIC_KEYS_DIR),
    },
    legalDays: { earliest: variables.LEDGER_EARLIEST_DAY, latest: variables.LEDGER_LATEST_DAY },
    documents: {
      dir: path.resolve(variables.LEDGER_DOCUMENTS_DIR ?? path.join(variables.LEDGER_DATA_DIR, 'documents')),
      maxBytes: variables.LEDGER_DOCUMENT_MAX_BYTES,
    },
    erasureDelaySeconds: variables.LEDGER_ERASURE_DELAY_SECONDS,
  };
}

/** An issuer without a client id (or the other way round) is a half-made setting, not "no OIDC". */
function oidcProblems(variables: EnvironmentVariables): string[] {
  if ((variables.LEDGER_OIDC_ISSUER === undefined) === (variables.LEDGER_OIDC_CLIENT_ID === undefined)) return [];
  return ['LEDGER_OIDC_ISSUER and LEDGER_OIDC_CLIENT_ID must be set together'];
}

/** Both days real, in order, and within the limits the read models were built for. */
function legalDaysProblems(variables: EnvironmentVariables): string[] {
  const limits = `from ${LEGAL_DAYS_LIMITS.earliest} to ${LEGAL_DAYS_LIMITS.latest}`;
  const problems = (['LEDGER_EARLIEST_DAY', 'LEDGER_LATEST_DAY'] as const)
    .filter((name) => !isIsoDay(variables[name]) || variables[name] < LEGAL_DAYS_LIMITS.earliest || variables[name] > LEGAL_DAYS_LIMITS.latest)
    .map((name) => `${name} must be a date written YYYY-MM-DD ${limits}`);
  if (problems.length === 0 && variables.LEDGER_EARLIEST_DAY > variables.LEDGER_LATEST_DAY)
    problems.push('LEDGER_EARLIEST_DAY must not be after LEDGER_LATEST_DAY');
  return problems;
}

/**
 * Outside development the public development secret and the public development master key
 * would let anyone mint tokens and read personal data (UK GDPR Art. 32: security of
 * processing), so the service refuses to start without real ones.
 */
function refuseDevelopmentSecrets(variables: EnvironmentVariables): void {
  const problems: string[] = [];
  if (variables.LEDGER_JWT_SECRET === undefined && variables.LEDGER_JWT_JWKS_URL === undefined) {
    problems.push('LEDGER_JWT_SECRET (or LEDGER_JWT_JWKS_URL) must be set in production: the development secret is public');
  }
  if (variables.LEDGER_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push('LEDGER_JWT_SECRET must not be the public development secret in production');
  }
  if (variables.LEDGER_MASTER_KEY === undefined) {
    problems.push('LEDGER_MASTER_KEY must be set in production: without it personal data is encrypted under a development key');
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
}
