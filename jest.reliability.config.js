// `npm run test:reliability`: slow fault, load, soak and injection tests against a real server and
// a real Neo4j (own port 7693 and data folder; outage tests use 7697). Run one file at a time so
// load numbers are not disturbed by other suites. Bounded: 454-713 s in all on the shared 2-core machine
// at load average 5-21 (docs/RELIABILITY.md); every verdict is independent of the machine's speed.
/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
  globalSetup: '<rootDir>/test/reliability/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/reliability/setup/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 240_000,
  // fetch's keep-alive pool (undici) in the test process can outlive a test file by a few seconds.
  forceExit: true,
};
