// Code is sorted by where it may run (as VS Code does); these rules keep it there.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const node = ['node:*', 'fs', 'path', 'os', 'child_process', 'util', 'crypto', 'http', 'net'];
// The shared files that import zod as a value (`grep -l "^import \* as z" shared/*.ts`).
const zodShared = ['change-reports', 'contract', 'diagnosis', 'kinds', 'pool-sample-schema', 'probe-contract'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    // A file does one thing: past 199 lines it is doing two (the whole tree, tests included).
    files: ['**/*.{ts,tsx,mjs,mts}'],
    rules: { 'max-lines': ['error', { max: 199 }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [
        ...node,
        'electron',
        'react',
        'react-dom',
        '@fluentui/*',
        '../electron/*',
        '../renderer/*',
        '**/electron/**',
        '**/renderer/**',
      ],
      'shared/ runs anywhere: no Node, DOM, Electron, React or app-side imports.',
    ),
  },
  {
    files: [
      'electron/services/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/ipc/**/*.ts',
      'electron/page/**/*.ts',
      'electron/preview/**/*.ts',
    ],
    rules: restrict(
      ['electron', 'react', 'react-dom', '@fluentui/*', '**/renderer/**', '**/main/**', '**/preload/**'],
      'Services, the CLI and the preview run in plain Node: no Electron and no renderer code.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      // The typed rule, so a zod-bearing shared file may still give the renderer its types.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...node, 'electron', 'regedit', '**/electron/**'],
              message: 'The renderer talks only to window.tuner: no Node, Electron or main-side imports.',
            },
            {
              group: ['zod', 'zod/*', ...zodShared.map((file) => `**/shared/${file}`)],
              allowTypeImports: true,
              message:
                'The renderer stays zod-free: take values from a zod-free shared file (shared/families.ts, ...); types may still come from here.',
            },
          ],
        },
      ],
    },
  },
  {
    // React's own rules of hooks and of the compiler; a missing dependency is an error too, since a stale value on a page is a wrong figure.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: reactHooks.configs.flat.recommended.plugins,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(
      [...node, 'regedit', '**/services/**', '**/main/**', '**/renderer/**'],
      'The preload only bridges the shared contract to ipcRenderer.',
    ),
  },
);
