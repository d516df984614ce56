// Type-aware TypeScript rules and the rules of hooks (they hold for Preact's hooks too).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'node_modules/**', 'reports/**', 'test-results/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    files: ['**/*.tsx', '**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // A function or component past this wants its state, effects and markup apart (HOUSE-STYLE):
    // hooks for state and effects, context for what many rows share, small components for markup.
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 120, skipBlankLines: false, skipComments: false }] },
  },
  {
    // The pure layers take their inputs as arguments: no extension API, no storage, no words from
    // the browser (they return message keys, which the pages say). Types may still be shared.
    files: ['utils/feed/**', 'utils/settings/**', 'utils/stories/**', 'utils/config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'wxt/browser',
                'wxt/utils/*',
                'webextension-polyfill',
                '**/storage',
                '**/storage/*',
                '**/ui/*',
                '**/platform/*',
              ],
              allowTypeImports: true,
              message: 'A pure module takes its inputs as arguments (HOUSE-STYLE): the caller reads the browser.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.{js,mjs}'], extends: [tseslint.configs.disableTypeChecked] },
);
