// Three layers, one runner: unit (*.spec.ts, no I/O), integration (*.int-spec.ts, real NATS,
// Redis and the MongoDB-wire database) and end to end (apps/e2e, the whole platform over HTTP).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const ESM_ONLY = '(jose|file-type|strtok3|token-types|uint8array-extras|@tokenizer/inflate|@borewit/text-codec)';
const shared = {
  // jose (used by livekit-server-sdk too) and file-type (libs/storage) with its dependencies ship ES
  // modules only: compiled to CommonJS like our sources.
  transform: { '^.+\\.ts$': swc, [`/node_modules/${ESM_ONLY}/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  moduleNameMapper: {
    '^@telehealth/messaging/eventing$': '<rootDir>/libs/messaging/src/eventing.ts',
    '^@telehealth/(.*)$': '<rootDir>/libs/$1/src',
  },
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/e2e/src/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/apps/e2e/src/support/global-setup.ts',
      globalTeardown: '<rootDir>/apps/e2e/src/support/global-teardown.ts',
    },
  ],
  testTimeout: 60_000,
};
