import { defineProject } from 'vitest/config';

export default defineProject({
  // Tests run real git in temp repositories; a project does not inherit the root's timeouts.
  test: { name: 'eslint-plugin', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000, setupFiles: ['test/setup.ts'] },
});
