// Lint rules that enforce the layering of architecture.md:
// - only the thin adapters (electron/main.ts, preload.ts, ipc.ts, electron/platform/) import `electron`;
// - renderer/ and electron/ never import each other;
// - shared/ imports nothing from Node, the DOM or Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'crypto', 'os', 'child_process', 'worker_threads', 'net', 'tls', 'http', 'https', 'stream', 'events', 'util', 'url', 'buffer', 'zlib'];

const electronBan = {
  name: 'electron',
  message: 'Only electron/main.ts, preload.ts, ipc.ts and electron/platform/ may import electron (architecture.md).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.lab/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // With noUncheckedIndexedAccess, `x[i]!` after a bounds check is the idiom, not a smell.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/platform/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ ...electronBan, allowTypeImports: false }],
          patterns: [{ group: ['**/renderer/**'], message: 'Main-process code never imports from renderer/.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/platform/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'Main-process code never imports from renderer/.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            { group: ['**/electron/**'], message: 'The renderer never imports from electron/: go through the shared contract.' },
            { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ runs in every process: no Node modules.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ never imports a process folder.' },
          ],
        },
      ],
    },
  },
);
