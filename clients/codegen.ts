// graphql-codegen for a frontend on this gateway: `npm run codegen` writes src/generated/ from the committed schema
// and the operations in src/*.graphql. docs/clients.md explains each choice; copy this file as a starting point.
import type { CodegenConfig } from '@graphql-codegen/cli';

// How each custom scalar travels in JSON. Money (BigDecimal) and BigInteger are decimal strings so nothing is
// rounded through a double; dates are ISO 8601 strings; Long (counts) fits a JS number for any real count.
const scalars = {
  BigDecimal: 'string',
  BigInteger: 'string',
  Date: 'string',
  DateTime: 'string',
  Long: 'number',
  UUID: 'string',
};

const config: CodegenConfig = {
  schema: '../schema/schema.graphqls',
  documents: 'src/**/*.graphql',
  // A schema change that breaks an operation must fail the build, not produce partial types.
  noSilentErrors: true,
  errorsOnly: true,
  generates: {
    // The schema's types, for code that handles whole objects (e.g. cache policies).
    'src/generated/schema.ts': {
      plugins: ['typescript'],
      config: { scalars, enumsAsTypes: true, strictScalars: true },
    },
    // The result and variables types of each operation. typescript-operations 6 emits the input and enum types it
    // needs itself, so it gets a file of its own instead of sharing one with the `typescript` plugin.
    'src/generated/operations.ts': {
      plugins: ['typescript-operations'],
      config: { scalars, enumsAsTypes: true, strictScalars: true },
    },
  },
};

export default config;
