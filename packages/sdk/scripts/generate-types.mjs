// Regenerates src/generated/openapi.generated.ts from openapi.yaml.
// `--check` fails (exit 1) when the committed file is stale, so `npm test` catches drift.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const spec = new URL('../openapi.yaml', import.meta.url);
const out = new URL('../src/generated/openapi.generated.ts', import.meta.url);
const header = '// Generated from openapi.yaml by scripts/generate-types.mjs. Do not edit; run `npm run generate -w @dhmad/sdk`.\n\n';
const text = header + astToString(await openapiTS(spec));

if (process.argv.includes('--check')) {
  const current = await readFile(out, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(`${fileURLToPath(out)} is stale: openapi.yaml changed. Run \`npm run generate -w @dhmad/sdk\` and commit the result.`);
    process.exit(1);
  }
} else {
  await writeFile(out, text);
}
