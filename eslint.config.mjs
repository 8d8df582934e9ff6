// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SHARED =
  'The client and the server do not import each other; what both use is in common/src.';

/**
 * Forbids, in `files`, the imports that `pattern` matches.
 * @param {string} files
 * @param {Record<string, unknown>} pattern
 */
function restrictImports(files, pattern) {
  return { files: [files], rules: { 'no-restricted-imports': ['error', { patterns: [pattern] }] } };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', '.vscode-test/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // The client and the server meet only in common/src (the request types, settings and command
  // ids), which imports nothing else, so both bundles can take it as it is.
  restrictImports('client/src/**/*.ts', { group: ['**/server/**'], message: SHARED }),
  restrictImports('server/src/**/*.ts', { group: ['**/client/**'], message: SHARED }),
  restrictImports('common/src/**/*.ts', {
    regex: '^(?!\\./)',
    message: 'common/src imports only its own files.',
  }),
  {
    files: ['**/*.mjs', 'bin/**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Editor tests: Node scripts (some functions run in the page, hence the browser globals) and
    // the driver extension, plain CommonJS so that it needs no build.
    files: ['scripts/e2e/**/*.mjs', 'test/e2e/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          ...['process', 'console', 'require', 'module', '__dirname', 'URL', 'Buffer', 'fetch'],
          ...['AbortSignal', 'TextDecoder', 'TextEncoder', 'setTimeout', 'clearTimeout'],
          ...['setInterval', 'clearInterval', 'document', 'getComputedStyle', 'CSS'],
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['test/e2e/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  {
    files: ['*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
  },
);
