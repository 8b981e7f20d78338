// Quality gates from STYLE.md §6: package layering, no cycles, no global-container DI, small files.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const PLUGIN_PACKAGES = ['@okapi/backend-onnx', '@okapi/backend-tfjs', '@okapi/lang-packs', '@okapi/cli'];

// tsyringe's global container and the decorators that use it (STYLE §5.4-5.6).
const tsyringeGlobals = {
  name: 'tsyringe',
  importNames: ['container', 'singleton', 'registry', 'autoInjectable', 'delay'],
  message: 'Use constructor injection in a run scope; the global container is only for the composition root, core/src/di and tests.',
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'runs/**', '**/*.d.ts', 'test/.tmp/**', '.venv-hf/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['packages/*/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'no-restricted-imports': ['error', { paths: [tsyringeGlobals] }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [tsyringeGlobals],
        patterns: [{ group: ['@okapi/*'], message: 'core imports no other @okapi package (DESIGN.md layering).' }],
      }],
    },
  },
  {
    files: ['packages/backend-*/src/**/*.ts', 'packages/lang-packs/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [tsyringeGlobals, ...PLUGIN_PACKAGES.map((name) => ({ name, message: 'Plugins depend on @okapi/core only, never on each other.' }))],
        patterns: [{ group: ['**/src/**', '../../*/src/**'], message: "Don't import another package's src/." }],
      }],
    },
  },
  {
    // The composition root, DI primitives and test helpers are where the container may be touched.
    files: ['packages/core/src/di/**/*.ts', 'packages/core/src/testing/**/*.ts', 'packages/cli/src/composition-root.ts', 'packages/cli/src/docs/generated-docs.ts', '**/*.test.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
