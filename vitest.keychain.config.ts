import { defineConfig } from 'vitest/config';

// Tests that need the real OS keychain; `npm run test:keychain` runs them inside scripts/with-keyring.sh.
export default defineConfig({
  test: {
    include: ['test/keychain/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
