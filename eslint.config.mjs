// Lint: typescript-eslint's type-checked recommendations for the TypeScript (src, test, bench),
// ESLint's recommendations for the plain JavaScript (scripts, bin, the test harness's preloads,
// the Partnership tab's page). Run by `npm test`. Rules are as recommended except where noted
// below, each narrowed to the files it concerns, with the reason.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'build/', 'coverage/', 'data/', '.data/', '.playground/', '.artifacts/', '.ci/'],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A leading underscore marks what is there on purpose and not read: an argument a port's
      // signature requires, or a field taken out of an object with rest destructuring.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `.catch((e) => (isNotFound(e) ? undefined : Promise.reject(e)))` passes on what storage threw,
      // as it is: the rule's own options for rethrowing a caught (unknown) value.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  {
    // Table Storage entities and parsed JSON files arrive as Record<string, unknown>; their values
    // are strings, numbers, booleans or dates, and String() is the conversion meant. The rule
    // cannot know that and flags every `String(row.field ?? '')`.
    files: ['src/store/**/*.ts', 'src/scheduler/**/*.ts', 'src/directoryFile.ts', 'src/teams/cardInput.ts', 'test/harness/childIdentifiers.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // botbuilder's ActivityTypes is a string enum and Activity.type a plain string: comparing the
    // two is how botbuilder is used.
    files: ['src/teams/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-enum-comparison': 'off' },
  },
  {
    // restify treats an async handler as finished when its promise settles (no next()); a handler
    // that awaits nothing is still async for that reason.
    files: ['src/partnership/tabRoutes.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // The test harness and the benchmarks that drive it read what the bot sends over the wire
    // (activities, cards, invoke responses) as untyped JSON and walk it by hand; typing every card
    // shape would restate the templates. Test doubles implement async ports without awaiting.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The test asserts that a storage key holds no control characters: it has to name them.
    files: ['test/store.test.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['eslint.config.mjs'],
    languageOptions: { sourceType: 'module' },
  },
  {
    // Functions handed to page.waitForFunction() run in the browser.
    files: ['scripts/browser-test.js'],
    languageOptions: { globals: { document: 'readonly' } },
  },
  {
    // The Partnership tab's page runs in the browser, after Chart.js's script tag.
    files: ['tab/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, Chart: 'readonly' } },
  },
);
