import { defineProject } from 'vitest/config';

export default defineProject({
  // Tests run the bin against a local GitHub stand-in and real git repositories in temp folders.
  test: { name: 'org-scan', include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 30_000 },
});
