import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.expo/**',
      '**/.sendlog-data/**',
      '**/coverage/**',
      'apps/server/drizzle/**',
      'bench/results/**',
      'apps/mobile/expo-env.d.ts',
      'e2e/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The Expo app runs in a browser or React Native, not Node.
    files: ['apps/mobile/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The rules of hooks, and dependencies stated in full: a stale closure is a bug, not a style.
    files: ['apps/mobile/**/*.{ts,tsx}'],
    plugins: reactHooks.configs.flat.recommended.plugins,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: [
      'apps/mobile/**/*.test.{ts,tsx}',
      'apps/mobile/jest.*.ts',
      'apps/mobile/src/testing/**',
    ],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['apps/mobile/public/sw.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // Expo and Metro load their configs as CommonJS.
    files: ['apps/mobile/*.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
