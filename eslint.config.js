// Type-aware linting plus the layering rules of docs/architecture.md:
// shared imports nothing; engine and store import shared; renderer imports shared only;
// nothing outside src/main and src/preload imports electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';

const layer = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group] })) }],
});
const electronOnly = { group: ['electron'], message: 'electron may only be imported in src/main and src/preload' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', 'coverage/**', 'scripts/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser } },
    // TypeScript checks identifiers in SFCs; ESLint's no-undef does not know the DOM globals.
    rules: { 'no-undef': 'off' },
  },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'electron', '@tensorflow/*', 'better-sqlite3', '../engine/*', '../store/*', '../main/*', '../renderer/*'] }] }] } },
  { files: ['src/engine/**/*.ts'], rules: layer(['electron', 'better-sqlite3', '**/store/*', '**/main/*', '**/renderer/*', '**/server/*', '**/cli/*']) },
  { files: ['src/store/**/*.ts'], rules: layer(['electron', '@tensorflow/*', '**/engine/*', '**/main/*', '**/renderer/*', '**/server/*', '**/cli/*']) },
  { files: ['src/renderer/**/*.{ts,vue}'], rules: layer(['electron', 'node:*', '@tensorflow/*', 'better-sqlite3', '**/engine/*', '**/store/*', '**/main/*', '**/server/*', '**/cli/*']) },
  { files: ['src/server/**/*.ts', 'src/cli/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [electronOnly, { group: ['**/main/*', '**/renderer/*'] }] }] } },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
