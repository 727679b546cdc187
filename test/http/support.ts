import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../src/config/configuration';
import { Role } from '../../src/http/roles';
import { signToken } from '../../src/http/token';
import { startTestApp, TestApp } from '../support/app';
import { DemoModule } from './demo/demo.module';

export const TEST_JWT_SECRET = 'http-plumbing-test-secret-0123456789abcdef';

/** The service plus the demo controller, with a known JWT secret. */
export function startDemoApp(environment: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  return startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, ...environment }, { extraModules: [DemoModule] });
}

export function bearer(config: AppConfig, claims: { userId?: string; name?: string; roles?: Role[]; force?: string; expiresInSeconds?: number } = {}): string {
  const token = signToken(
    {
      userId: claims.userId ?? 'user-1',
      name: claims.name ?? 'Test User',
      roles: claims.roles ?? ['PSD_INVESTIGATOR'],
      force: claims.force ?? 'HAMPSHIRE',
      expiresInSeconds: claims.expiresInSeconds ?? 600,
    },
    config.jwt,
  );
  return `Bearer ${token}`;
}

export const PROBLEM_JSON = /^application\/problem\+json/;

export function newDemoId(): string {
  return randomUUID();
}
