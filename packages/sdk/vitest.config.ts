import { defineProject } from 'vitest/config';

export default defineProject({
  // Tests start emulators and stub servers; a project does not inherit the root's timeouts, and
  // vitest's default 5 s is too short on a loaded 2-core CI machine.
  test: { name: 'sdk', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
