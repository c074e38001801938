// Two projects: fast unit tests of pure code, and integration/e2e tests that need the real
// Postgres, Redis and Temporal dev server (started once in globalSetup).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const moduleNameMapper = {
  '^@app/(domain|persistence|temporal|notifications|config|observability|reports|storage)$': '<rootDir>/libs/$1/src',
  '^@app/(domain|persistence|temporal|notifications|config|observability|reports|storage)/(.*)$':
    '<rootDir>/libs/$1/src/$2',
  '^@app/workflows$': '<rootDir>/workflows/src',
  '^@app/workflows/(.*)$': '<rootDir>/workflows/src/$1',
};

const common = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // Splits the integration shards by measured seconds (npm test runs two at once).
  testSequencer: '<rootDir>/test/setup/sequencer.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,infra}/**/*.spec.ts', '<rootDir>/test/utils/**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,workflows}/**/*.int.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/test/setup/env.ts'],
    },
  ],
};
