import { defineProject } from 'vitest/config';

// The committed bundle is run against the emulator by the root e2e project (test/action-bundle.e2e.test.ts).
export default defineProject({
  test: { name: 'github-action', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
