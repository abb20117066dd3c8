// Two projects: `unit` (pure, no database) and `integration` (*.int.test.ts, against a real Neo4j
// started by test/setup/global-setup.ts on its own port and data folder).
/** @type {import('jest').Config} */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
};
module.exports = {
  // Jest's 5 s default is a timing assertion on every test; on a loaded 2-core machine a test that
  // starts workers or talks to Neo4j can take longer. This is a cap against hangs, not a verdict
  // (files that need more set jest.setTimeout).
  testTimeout: 120_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '/reliability/'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int.test.ts'],
      testPathIgnorePatterns: ['/reliability/'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
