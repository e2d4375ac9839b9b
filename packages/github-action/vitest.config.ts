import { defineProject } from 'vitest/config';

export default defineProject({
  // The end-to-end tests run the bundle in a child process; GitHub's one-second spacing
  // of secret writes and a 500 retried twice (1 s + 4 s) make some take several seconds.
  test: { name: 'github-action', include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 30_000 },
});
