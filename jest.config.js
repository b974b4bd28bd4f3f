/** Jest runs the TypeScript sources directly; PnPjs v4 ships ES modules, so it is transformed too. */
module.exports = {
  testEnvironment: '<rootDir>/tests/support/nodeEnvironmentWithFetch.js',
  roots: ['<rootDir>/tests'],
  // Component and store tests render and query for real: on a loaded CI machine 5 s is too short.
  testTimeout: 30000,
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json'}],
    '/node_modules/@pnp/.+\\.js$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json'}],
    '/src/strings/loc/.+\\.js$': '<rootDir>/tests/support/amdLocTransform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!@pnp/)'],
  moduleNameMapper: {
    '^PstStrings$': '<rootDir>/src/strings/loc/fr-fr.js',
    '\\.(css|scss)$': 'identity-obj-proxy',
  },
};
