// Layers enforced by lint, not by memory: a file's folder says which world it belongs to.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const mainOnly = {
  group: ['**/src-main/**', '**/src-main'],
  message: 'src-main is the Node side: talk to it through the RPC bridge.',
};
const rendererOnly = {
  group: ['**/src-renderer/**', '**/src-renderer'],
  message: 'src-renderer is the UI: main may not import it.',
};
const sandboxOnly = {
  group: ['**/sandbox/**', '**/sandbox'],
  message: 'sandbox/ is a separate program (npm run sandbox, the demo launcher, tests): the app never contains it.',
};
const electronOutsideShell = {
  name: 'electron',
  message: "Only src-main/index.ts and src-main/preload may load 'electron' (use `import type` elsewhere).",
  allowTypeImports: true,
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches main only through the bridge.' },
            { name: 'keytar', message: 'Secrets live in main only.' },
            { name: 'ky', message: 'Only main talks to provider APIs.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a browser sandbox, not Node.' })),
          ],
          patterns: [mainOnly, sandboxOnly],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/index.ts', 'src-main/preload/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [electronOutsideShell], patterns: [rendererOnly, sandboxOnly] }],
    },
  },
  {
    files: ['src-main/index.ts', 'src-main/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [rendererOnly, sandboxOnly] }],
    },
  },
  {
    // The provider sandboxes: plain Node servers that share the app's domain types (src-shared) and nothing else.
    files: ['sandbox/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The sandboxes are plain Node servers.' },
            { name: 'keytar', message: 'The sandboxes hold no real secrets.' },
          ],
          patterns: [
            { ...mainOnly, message: 'sandbox/ may import src-shared only: it stands in for the providers, not for main.' },
            { ...rendererOnly, message: 'sandbox/ may import src-shared only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src-shared is platform-free.' },
            { name: 'keytar', message: 'src-shared is platform-free.' },
            { name: 'dexie', message: 'src-shared is platform-free: the cache lives in src-renderer/db.' },
            { name: 'vue', message: 'src-shared is platform-free.' },
            { name: 'pinia', message: 'src-shared is platform-free.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src-shared is platform-free: no Node modules.' })),
          ],
          patterns: [mainOnly, rendererOnly, sandboxOnly],
        },
      ],
    },
  },
);
