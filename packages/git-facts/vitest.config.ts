import { defineProject } from 'vitest/config';

export default defineProject({
  // Every test asks a real git in a temp repository.
  test: { name: 'git-facts', include: ['test/**/*.test.ts'] },
});
