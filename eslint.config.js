import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'public/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Issue 17: type-aware rules on every TypeScript file (src, test, e2e, bench and the root
    // configs, as tsconfig.json includes them). The project service builds one program with the
    // installed TypeScript 5.9 (typescript-eslint 8 supports TypeScript <6.1, not 7); `npm run
    // typecheck` still checks with TypeScript 7. Plain .js files are linted without types.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Drizzle's queries are thenables, not Promises: without checkThenables an unawaited
      // insert or delete (which then never runs) would pass. Fastify's reply is a thenable too,
      // settled only once the response is sent: its chainable setters (header, status,
      // setCookie) must not be awaited inside the handler that builds the response.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          checkThenables: true,
          allowForKnownSafePromises: [{ from: 'package', package: 'fastify', name: 'FastifyReply' }],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `return promise` inside try/catch/finally skips the catch and runs the finally too early.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
      // Re-raising a caught `unknown` unchanged is fine; inventing a non-Error reason is not.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    // docs/ARCHITECTURE.md section 8: no process.env outside config.ts (tests and tooling may read it).
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config.ts' },
      ],
    },
  },
  {
    // docs/ARCHITECTURE.md "Time": the time comes from the Clock handed down from buildApp
    // (src/lib/clock.ts), so a test can set the day. Dates built from a value are fine.
    files: ['src/**/*.ts'],
    ignores: ['src/lib/clock.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read the time from the Clock (src/lib/clock.ts), not new Date()',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read the time from the Clock (src/lib/clock.ts), not Date.now()',
        },
      ],
    },
  },
  {
    // SQL only in repositories (and the database client, migrations and test support).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*repository.ts', 'src/db/**', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'drizzle-orm', message: 'SQL belongs in a *-repository.ts file' }] },
      ],
    },
  },
);
