import { INestApplication } from '@nestjs/common';
import { rmSync } from 'node:fs';
import request from 'supertest';
import { AppModuleImport } from '../../src/app.module';
import { createApp } from '../../src/bootstrap';
import { AppConfig, loadConfiguration } from '../../src/config/configuration';
import { documentOf } from '../../src/http/contract/complete-document';
import { testDataDir } from './data-dir';
import { ResponseValidator, validatingAgent } from './openapi-validation';
import { createTestDatabase, TestDatabase } from './database';

/**
 * The whole service on a fresh database of its own, listening on a random local port, so
 * tests go through real HTTP.
 */
export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  database: TestDatabase;
  http(): ReturnType<typeof request>;
  /** Checks every answer `http()` receives against the OpenAPI document. */
  validator: ResponseValidator;
  close(): Promise<void>;
}

/**
 * `http()` to a listening application, every answer checked against the OpenAPI document it
 * serves (openapi-validation.ts): for a test that starts the service its own way.
 */
export function validatedHttp(app: INestApplication): Pick<TestApp, 'http' | 'validator'> {
  const server = app.getHttpServer() as Parameters<typeof request>[0];
  const validator = new ResponseValidator(documentOf(app));
  return { http: () => validatingAgent(request(server), validator), validator };
}

/**
 * `extraModules` mount test-only modules (e.g. a demo controller) beside the service's own.
 * `database`: one made by the test (e.g. createLeastPrivilegeDatabase), dropped on close.
 */
export async function startTestApp(
  overrides: NodeJS.ProcessEnv = {},
  options: { extraModules?: AppModuleImport[]; database?: TestDatabase } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  // Its own data folder: the seal signing key and the witness live there.
  const dataDir = testDataDir();
  // No rate limit unless a test asks for one: property tests send hundreds of requests a minute as one user.
  const config = loadConfiguration({
    LEDGER_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LEDGER_RATE_LIMIT_PER_MINUTE: '0',
    ...overrides,
    DATABASE_URL: database.url,
  });
  const app = await createApp(config, { url: database.url, embedded: false, stop: async () => undefined }, options);
  await app.listen(0, '127.0.0.1');
  return {
    app,
    config,
    database,
    ...validatedHttp(app),
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
