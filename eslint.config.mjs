// ESLint for Paper Scout: typescript-eslint's type-checked recommended rules on every TypeScript file, with the
// type information of the TypeScript project each file belongs to, and a few stricter rules the house style
// asks for. `npm run lint`; `npm test` runs it as a counted check. No cache: a type-aware rule's finding in one
// file can change with another file, which ESLint's cache does not see. An `eslint-disable` comment that silences
// nothing is an error (reportUnusedDisableDirectives), so every one left says something true.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.tools/', '.vscode-test/', 'test-results/', '**/*.d.ts', 'test/fixtures/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The house style (STYLE.md): `import type` for types; `typeof import()` types the lazy requires that keep
      // a module out of a bundle or out of activation.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Passing on a rejection as it came (a caught `unknown`) is not inventing a non-Error one.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // `const { text: _text, ...rest } = x` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // A switch over a union handles every member, or has a default that says what the rest do.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-deprecated': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Numbers and booleans read fine in messages; objects would print [object Object].
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // Async functions that implement a promise-returning interface need no await of their own.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The web worker host's own files: src/tsconfig.json (the Node host) leaves them out; tsconfig.web.json reads them.
    files: ['src/searchWorker/webWorker*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './src/tsconfig.web.json' } },
  },
  {
    // The build and the harness: plain JavaScript run by Node.
    files: ['**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    // Tests and the bench read what programs print (JSON.parse of the CLI's and the bench's output) and
    // check it with assertions, not with types.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
