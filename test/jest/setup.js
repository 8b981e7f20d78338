// The one place (besides packages/cli/src/bin.ts) that loads the Reflect polyfill tsyringe needs.
require('reflect-metadata');
