// Lint config run by `npm test` (through `npm run lint`) and therefore by CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.papergraph/', 'coverage/', 'data/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // Layering: data flows one way (resolvers -> services / loaders -> read model -> executor -> driver).
  // A module never imports from a layer above it; each block names what its files may not import.
  ...layer(['src/db/**/*.ts'], ['graphql', 'loaders', 'read-model', 'ingest', 'server', 'cli']),
  ...layer(['src/read-model/**/*.ts'], ['graphql', 'loaders', 'ingest', 'server', 'cli']),
  ...layer(['loaders/**/*.ts'], ['graphql', 'ingest', 'server', 'cli']),
  ...layer(['src/ingest/**/*.ts'], ['graphql', 'loaders', 'server', 'cli']),
  ...layer(['src/export/**/*.ts'], ['graphql', 'loaders', 'server', 'cli', 'ingest']),
);

/** A `no-restricted-imports` block: `files` may not import (relatively) from the `above` folders. */
function layer(files, above) {
  return [
    {
      files,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: `^\\.\\.?/(.*/)?(${above.join('|')})(/|$)`,
                message: `layering: ${files.join(', ')} may not import from ${above.join(', ')} (a layer above it)`,
              },
            ],
          },
        ],
      },
    },
  ];
}
