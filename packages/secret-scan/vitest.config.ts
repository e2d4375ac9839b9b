import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'secret-scan', include: ['test/**/*.test.ts'] },
});
