import { defineProject } from 'vitest/config';

export default defineProject({
  // The Action bundle runs in a child process; GitHub's one-second spacing of secret writes and a 500
  // retried twice (1 s + 4 s) make some of its runs take several seconds.
  test: { name: 'e2e', include: ['**/*.test.ts'], testTimeout: 60_000, hookTimeout: 30_000 },
});
