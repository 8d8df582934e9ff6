// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
