/**
 * Two jest projects: `unit` runs the pure specs beside the code (`*.spec.ts`, no database,
 * seconds); `integration` runs the tests under test/ (`*.test.ts`) against a real PostgreSQL
 * started once for the run by the global setup. `npm test` runs both; `npm run test:unit`
 * only the first, without starting PostgreSQL.
 */
const common = {
  testEnvironment: 'node',
  rootDir: '.',
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // Global options (jest ignores them inside a project).
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/src', '<rootDir>/projections'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/src', '<rootDir>/projections', '<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
