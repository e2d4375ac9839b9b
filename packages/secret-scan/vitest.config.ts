import { defineProject } from 'vitest/config';

export default defineProject({
  // Tests build real git repositories and run the CLI as a child process.
  test: { name: 'secret-scan', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
