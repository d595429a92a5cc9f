import tseslint from 'typescript-eslint';

// The dependency rule of docs/ARCHITECTURE.md: data flows web -> http -> app -> domain, and db below app.
// Tests may look into the database to check what a request did, so the rule covers production code only.
const layer = (files, forbidden, message) => ({
  files,
  ignores: ['**/*.test.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', '.tmp/', 'test-results/', 'src/domain/generated/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(
    ['src/domain/**'],
    ['**/db/**', '**/app/**', '**/http/**', '**/jobs/**', '**/cli/**', 'pg', 'kysely', 'hono', '@hono/*', 'node:*'],
    'src/domain is pure: it imports only src/domain, decimal.js and temporal-polyfill.',
  ),
  layer(
    ['src/db/**'],
    ['**/app/**', '**/http/**', '**/jobs/**', '**/cli/**', 'hono', '@hono/*'],
    'src/db imports only the domain, kysely and the drivers.',
  ),
  layer(['src/app/**'], ['**/http/**', '**/jobs/**', '**/cli/**', 'hono', '@hono/*'], 'src/app imports only the domain and db.'),
  layer(
    ['src/http/**'],
    ['**/db/repositories/**', '**/db/migrate*', '**/jobs/**', '**/cli/**', 'kysely', 'pg'],
    'src/http calls use-cases (src/app), never the database.',
  ),
  layer(
    ['web/**'],
    ['**/src/db/**', '**/src/app/**', '**/src/http/**', '**/src/jobs/**', '**/src/domain/**'],
    'web/ talks to the server over HTTP only.',
  ),
);
