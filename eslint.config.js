import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import zones from './eslint-rules/import-zones.js';

/** Modules the pure domain must never import: UI, i18n, PDF, charts, storage. */
const DOMAIN_FORBIDDEN = [
  {
    group: ['react', 'react-dom', 'react-dom/*', 'react/*'],
    message: 'src/domain is pure: no React.',
  },
  {
    group: ['i18next', 'react-i18next'],
    message: 'src/domain is pure: no i18n (return codes, not text).',
  },
  { group: ['jspdf', 'jspdf/*'], message: 'src/domain is pure: the PDF lives in src/report.' },
  {
    group: ['recharts', 'recharts/*'],
    message: 'src/domain is pure: charts live in src/features.',
  },
  {
    group: ['idb', 'fake-indexeddb', 'fake-indexeddb/*'],
    message: 'src/domain is pure: no storage.',
  },
  {
    group: [
      '@/storage/*',
      '@/features/*',
      '@/shared/*',
      '@/app/*',
      '@/i18n/*',
      '@/report/*',
      '@/components/*',
    ],
    message: 'src/domain is pure: imports flow from the UI to the domain, never back.',
  },
  {
    group: [
      '../storage/*',
      '../features/*',
      '../shared/*',
      '../app/*',
      '../i18n/*',
      '../report/*',
      '../../*',
    ],
    message: 'src/domain is pure: stay inside src/domain.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-single',
      'dist-e2e-*',
      'dist-screens',
      'node_modules',
      'playwright-report',
      'test-results',
      'coverage',
      'public',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
  },
  {
    // Untrusted text (grids, response files, CSV) is only ever rendered as text: no raw HTML,
    // no string evaluation (also forbidden at run time by the Content-Security-Policy).
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text with React, never raw HTML (docs/security.md).',
        },
        {
          selector:
            'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render text with React or textContent, never raw HTML (docs/security.md).',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'No HTML from strings (docs/security.md).',
        },
        {
          selector:
            "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: 'No HTML from strings (docs/security.md).',
        },
      ],
    },
  },
  {
    // Zones (docs/architecture.md): features import no other feature; shared code imports no
    // feature, but the app shell's router imports the pages.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { zones },
    rules: {
      'zones/import-zones': ['error', { routers: ['src/app/pages.ts', 'src/app/app.tsx'] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: DOMAIN_FORBIDDEN }],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/domain is pure: no DOM.' },
        { name: 'document', message: 'src/domain is pure: no DOM.' },
        { name: 'localStorage', message: 'src/domain is pure: no storage.' },
        { name: 'indexedDB', message: 'src/domain is pure: no storage.' },
        { name: 'fetch', message: 'src/domain is pure: no I/O.' },
        { name: 'navigator', message: 'src/domain is pure: no DOM.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'src/domain is pure: no clock; pass dates in.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/domain is pure: no clock; pass dates in.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'src/domain is pure: no randomness.',
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'tests/**', '*.config.{js,ts}', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
