// Lint rules that enforce the layering of architecture.md:
// - only the thin adapters (electron/main.ts, preload.ts, ipc.ts, electron/platform/) import `electron`;
// - renderer/ and electron/ never import each other;
// - shared/ imports nothing from Node, the DOM or Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'crypto',
  'os',
  'child_process',
  'worker_threads',
  'net',
  'tls',
  'http',
  'https',
  'stream',
  'events',
  'util',
  'url',
  'buffer',
  'zlib',
];

const electronBan = {
  name: 'electron',
  message:
    'Only electron/main.ts, preload.ts, ipc.ts and electron/platform/ may import electron (architecture.md).',
};

// Inside the main process (docs/architecture.md): the domain imports nothing but shared/ and
// itself; adapters implement its ports and import neither each other nor a front end; front ends
// reach the real parts only through the composition root.
const ADAPTERS = ['directory', 'tenant', 'phs', 'store', 'log'];
const FRONT_ENDS = ['services', 'cli', 'host', 'platform'];
const frontEndBan = {
  group: [...FRONT_ENDS.map((f) => `**/${f}/**`), '**/main.ts', '**/ipc.ts', '**/preload.ts'],
  message:
    'An adapter imports no front end (services/, cli/, host/, platform/, main.ts): front ends use adapters, not the reverse.',
};
const rendererBan = { group: ['**/renderer/**'], message: 'Main-process code never imports from renderer/.' };
const domainOnly = (what) => ({
  regex: '^\\.\\./(?!\\.\\./shared/)',
  message: `${what} imports only shared/ and itself: declare what it needs as a port (engine/ports.ts), implemented outside.`,
});
/** One folder's import rule: no electron, and these patterns. */
const restrict = (folder, patterns) => ({
  files: [`electron/${folder}/**/*.ts`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { paths: [{ ...electronBan, allowTypeImports: false }], patterns },
    ],
  },
});
const folderRules = [
  restrict('engine', [domainOnly('electron/engine/ (a domain)')]),
  restrict('verify', [domainOnly('electron/verify/ (a domain)')]),
  restrict('crypto', [domainOnly('electron/crypto/ (primitives)')]),
  ...ADAPTERS.map((own) =>
    restrict(own, [
      rendererBan,
      frontEndBan,
      {
        group: ADAPTERS.filter((a) => a !== own).map((a) => `**/${a}/**`),
        message: `An adapter (electron/${own}/) imports no other adapter: share through engine/ports.ts, shared/ or electron/crypto/.`,
      },
    ]),
  ),
  restrict('cli', [
    rendererBan,
    {
      group: ['**/host/**', '!**/host/composition-root.ts', '**/services/**', '**/platform/**'],
      message: 'The CLI builds what it runs through host/composition-root.ts only.',
    },
  ]),
  restrict('services', [
    rendererBan,
    {
      group: ['**/host/**', '**/cli/**', '**/platform/**'],
      message:
        'services/ (the IPC front end) is built by host/composition-root.ts and imports none of host/, cli/, platform/.',
    },
  ]),
];

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
          patterns: [
            { group: ['**/renderer/**'], message: 'Main-process code never imports from renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/platform/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'Main-process code never imports from renderer/.' },
          ],
        },
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
            {
              group: ['**/electron/**'],
              message: 'The renderer never imports from electron/: go through the shared contract.',
            },
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
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ never imports a process folder.',
            },
          ],
        },
      ],
    },
  },
  ...folderRules,
);
