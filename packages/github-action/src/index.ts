import { run } from './runner/main.js';

await run();
