import { defineProject } from 'vitest/config';

export default defineProject({
  // The CLI tests start the bin several times in a row: on a loaded 2-core machine that takes
  // longer than vitest's default 5 s (a project config does not inherit the root's timeouts).
  test: { name: 'emulator', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
