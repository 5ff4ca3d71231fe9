// The project is native ESM (got >= 12 is ESM-only), so jest runs with
// --experimental-vm-modules (see package.json "test") and @swc/jest strips the
// types. Imports keep their ".js" suffix in source; the mapper points them at
// the ".ts" files under test.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60_000,
  // Integration suites each start real servers and databases; two workers on a 2-core machine.
  maxWorkers: 2,
};
