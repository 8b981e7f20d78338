// One jest project per package plus the cross-package suites in test/. Sources are compiled by swc
// (with decorator metadata, which tsyringe needs); @okapi/* imports resolve to each package's src.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    // keep `import()` native so plugins written as .mjs load as real ES modules
    module: { type: 'commonjs', ignoreDynamic: true },
  },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: path.join(__dirname, 'test/jest/okapi-node-environment.js'),
  setupFiles: [path.join(__dirname, 'test/jest/setup.js')],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@okapi/core/testing$': '<rootDir>/packages/core/src/testing/index.ts',
    '^@okapi/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // the Python reference env (scripts/setup-hf-reference.sh): 30k files jest need not crawl
  modulePathIgnorePatterns: ['<rootDir>/.venv-hf/'],
};

const packages = ['core', 'backend-onnx', 'backend-tfjs', 'lang-packs', 'cli'];
const slow = process.env.OKAPI_SLOW_TESTS === '1';

module.exports = {
  projects: [
    ...packages.map((name) => ({
      ...shared,
      displayName: name,
      testMatch: [`<rootDir>/packages/${name}/src/**/*.test.ts`],
    })),
    { ...shared, displayName: 'test', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '/test/slow/'] },
    ...(slow ? [{ ...shared, displayName: 'slow', testMatch: ['<rootDir>/test/slow/**/*.test.ts'] }] : []),
  ],
};
