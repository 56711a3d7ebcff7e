// Lint rules, including the layering: shared ← core ← (cli, electron, simulator); renderer sees only shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'tls',
  'dns',
  'child_process',
  'crypto',
  'url',
  'stream',
  'events',
  'util',
  'zlib',
];

/** Electron, the settings store and the updater built on it: only electron/ may import them (see below for which files). */
const ELECTRON_MODULES = ['electron', 'electron-store', 'conf', 'electron-updater'];

/** Test files and test support: the only code that may import testing/ folders, tests/ and the simulator. */
const TEST_CODE = ['**/*.test.ts', '**/testing/**'];

/** Test support lives in its own rooms (testing/ folders, tests/); production code never imports it. */
const TEST_SUPPORT = '(^|/)(testing|tests)/|\\.test$';

/**
 * The layering for one part of the tree: production files may not import `forbidden` nor test support;
 * its tests and testing/ folders may not import `forbidden` either, except the simulator and tests/.
 */
function layer(files, forbidden, why, { allow = [] } = {}) {
  const inTests = files.flatMap((f) =>
    TEST_CODE.map((t) => f.replace(/\*\*$/, '') + t.replace(/^\*\*\//, '**/')),
  );
  return [
    {
      files,
      ignores: TEST_CODE,
      rules: forbid(forbidden, why, [allow.length ? `(?!${allow.join('|')})${TEST_SUPPORT}` : TEST_SUPPORT]),
    },
    {
      files: inTests,
      rules: forbid(
        forbidden.filter((p) => p !== '**/simulator/**'),
        why,
      ),
    },
  ];
}

/** Builds a no-restricted-imports rule forbidding the given import path patterns. */
function forbid(patterns, why, regexes = []) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: patterns, message: why }, ...regexes.map((regex) => ({ regex, message: why }))] },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', '.test-results/', 'test-artifacts/', 'renderer/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Code that runs regexes over strangers' bytes (pages, headers, status data, the data folder, and
    // every layer that words or shows them): no pattern whose backtracking or moving start can take
    // more than linear time.
    files: [
      'core/**/*.ts',
      'shared/**/*.ts',
      'cli/**/*.ts',
      'electron/**/*.ts',
      'renderer/src/**/*.ts',
      'renderer/src/**/*.svelte',
    ],
    ignores: TEST_CODE,
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  ...layer(
    ['shared/**'],
    [
      '**/core/**',
      '**/electron/**',
      '**/renderer/**',
      '**/cli/**',
      '**/simulator/**',
      ...ELECTRON_MODULES,
      'undici',
      ...nodeBuiltins,
    ],
    'shared/ is pure code used by every layer: no Node, no Electron, no upward imports.',
  ),
  ...layer(
    ['core/**'],
    ['**/electron/**', '**/renderer/**', '**/cli/**', '**/simulator/**', ...ELECTRON_MODULES],
    'core/ runs under plain Node: it never imports Electron, the CLI, the simulator or the renderer.',
  ),
  ...layer(
    ['cli/**'],
    ['**/electron/**', '**/renderer/**', ...ELECTRON_MODULES],
    'The CLI runs without Electron.',
  ),
  ...layer(
    ['simulator/**'],
    ['**/electron/**', '**/renderer/**', ...ELECTRON_MODULES],
    'The simulator runs without Electron.',
    // It builds its worlds from the corpus of real responses.
    { allow: ['(^|/)tests/corpus/'] },
  ),
  ...layer(
    ['electron/**'],
    ['**/renderer/**', '**/cli/**', '**/simulator/**', 'electron'],
    'The main process uses core/ and shared/ only, and reaches Electron only through electron/platform/ (main.ts wires it).',
  ),
  // Only these files may import electron itself.
  {
    files: ['electron/main.ts', 'electron/platform/**'],
    rules: forbid(
      ['**/renderer/**', '**/cli/**', '**/simulator/**'],
      'The main process uses core/ and shared/ only.',
      [TEST_SUPPORT],
    ),
  },
  {
    // The sandboxed preload is bundled into one CommonJS file that may only require('electron').
    files: ['electron/preload.ts'],
    rules: forbid(
      [
        '**/core/**',
        '**/renderer/**',
        '**/cli/**',
        '**/simulator/**',
        'undici',
        'electron-store',
        'conf',
        ...nodeBuiltins,
      ],
      'The preload sees only electron and shared/ (the IPC contract).',
      [TEST_SUPPORT],
    ),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...layer(
    ['renderer/**'],
    [
      '**/core/**',
      '**/electron/**',
      '**/cli/**',
      '**/simulator/**',
      ...ELECTRON_MODULES,
      'undici',
      ...nodeBuiltins,
    ],
    'The renderer talks to main only through window.why500 (shared/ipc/contract.ts); it never imports Node or Electron.',
  ),
);
