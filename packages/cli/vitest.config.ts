import { defineProject } from 'vitest/config';

export default defineProject({
  // Tests run the built bin against an in-process emulator and real git repositories.
  test: { name: 'cli', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
