// @okapi/core/testing: helpers and conformance suites for plugin authors' tests.
export * from './create-test-scope';
export * from './language-pack-conformance';
export * from './backend-conformance';
export * from './reference-logits';
