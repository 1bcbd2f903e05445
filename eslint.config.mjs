// Lint: Nx module boundaries with real constraints, type-aware promise checks, zero warnings.
import { readdirSync, readFileSync } from 'node:fs';
import nx from '@nx/eslint-plugin';

/**
 * The scopes of the apps (`scope:<service>` in apps/<app>/project.json, one per service of the
 * table in libs/contracts/src/common/services.ts): a service's code depends on its own scope and
 * shared code only.
 */
const SCOPES = readdirSync(new URL('./apps', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap(
    (entry) => JSON.parse(readFileSync(new URL(`./apps/${entry.name}/project.json`, import.meta.url), 'utf8')).tags,
  )
  .filter((tag) => tag.startsWith('scope:') && tag !== 'scope:shared');

/** Production code: apps use contracts and util libs; util libs use contracts; contracts use nothing. */
const boundaries = (extra = []) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', ...extra] },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', ...extra] },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'] },
      // A service's own code is its own: shared libs only, never another service.
      ...SCOPES.map((scope) => ({ sourceTag: scope, onlyDependOnLibsWithTags: [scope, 'scope:shared'] })),
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    ],
  },
];

export default [
  // libs/api-client/src/openapi.ts: generated from docs/openapi.json (`npm run openapi`).
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.infra/**',
      '.nx/**',
      'coverage/**',
      '**/*.js',
      'libs/api-client/src/openapi.ts',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Decorated DTO properties keep explicit types: they feed validation and OpenAPI metadata.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
    },
  },
  {
    // One repository per collection is the only class that injects that collection's mongoose
    // Model (or the connection): services, controllers and other modules depend on the repository,
    // or on the service a module exports, never on another module's Model. Enabled only for the
    // apps already in that shape (identity, notifications); the others still inject models across
    // modules and are added to this list as each is converted, until it is every app.
    files: ['identity', 'notifications'].map((app) => `apps/${app}/src/**/*.ts`),
    ignores: ['**/*.repository.ts', '**/*.schema.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/__tests__/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['InjectModel', 'InjectConnection'].flatMap((decorator) =>
          [`callee.name='${decorator}'`, `callee.property.name='${decorator}'`].map((callee) => ({
            selector: `Decorator > CallExpression[${callee}]`,
            message: `@${decorator} only in a *.repository.ts: inject the module's repository (or a service another module exports).`,
          })),
        ),
        {
          selector: "CallExpression[callee.name='getModelToken']",
          message: "A Model is injected only in a *.repository.ts: inject the module's repository.",
        },
      ],
    },
  },
  {
    // Tests may use the testing library and loose typing for HTTP bodies.
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/__tests__/**/*.ts',
      'apps/e2e/**/*.ts',
      'libs/testing/**/*.ts',
    ],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(['type:testing']),
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The tools (JavaScript, typechecked by tools/tsconfig.json): the same promise checks.
    files: ['tools/**/*.mjs', 'tools/**/*.cjs'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      // `log = () => {}`: a default that does nothing is plain JavaScript.
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
];
