// Lint: Nx module boundaries with real constraints, type-aware promise checks, zero warnings.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const SERVICES = [
  'gateway',
  'identity',
  'scheduling',
  'teleconsultation',
  'wallet-claims',
  'aftercare',
  'notifications',
];

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
      ...SERVICES.map((s) => ({ sourceTag: `scope:${s}`, onlyDependOnLibsWithTags: [`scope:${s}`, 'scope:shared'] })),
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    ],
  },
];

export default [
  { ignores: ['dist/**', 'node_modules/**', '.infra/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
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
    // apps already in that shape (identity); the others still inject models across modules and
    // are added to this list as each is converted, until it is every app.
    files: ['identity'].map((app) => `apps/${app}/src/**/*.ts`),
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
];
