import { defineProject } from 'vitest/config';

export default defineProject({
  // Every test asks a real git in a temp repository (a project does not inherit the root's timeouts).
  test: { name: 'git-facts', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
