// A tour of @dhmad/sdk against a local emulator: no account and no network needed.
// Run from the repository root after `npm run build`: node packages/sdk/examples/quickstart.mjs
import { startEmulator } from '@dhmad/emulator';
import { AuthenticationError, Dhmad } from '@dhmad/sdk';

const emu = await startEmulator({ port: 0 });
try {
  // In an app: `new Dhmad()` reads DHMAD_API_KEY (and DHMAD_BASE_URL, if set).
  const dhmad = new Dhmad({ apiKey: emu.bootstrapKeys.sandbox, baseUrl: emu.sandboxUrl });

  const me = await dhmad.me.retrieve();
  console.log(`Signed in with ${me.apiKey.keyPrefix} (${me.apiKey.environment}) as ${me.developer.email}`);

  // The secret is in `key`, in this response only: hand it to a secret store, never to a log.
  const { apiKey, key } = await dhmad.apiKeys.create({ name: 'CI deploys', rateLimit: 60 });
  console.log(`Created "${apiKey.name}" ${apiKey.keyPrefix}`);

  for await (const k of dhmad.apiKeys.list({ limit: 1 })) {
    console.log(`  ${k.keyPrefix}  ${k.name.padEnd(32)} active=${k.isActive} lastUsed=${k.lastUsedAt ?? 'never'}`);
  }

  const rotated = await dhmad.apiKeys.regenerate(apiKey.id);
  try {
    await new Dhmad({ apiKey: key, baseUrl: emu.sandboxUrl, maxRetries: 0 }).me.retrieve();
  } catch (err) {
    if (!(err instanceof AuthenticationError)) throw err;
    console.log(`The old secret is refused: ${err.reason}`);
  }
  const check = await new Dhmad({ apiKey: rotated.key, baseUrl: emu.sandboxUrl }).me.retrieve();
  console.log(`The new secret works: ${check.apiKey.keyPrefix}`);

  await dhmad.apiKeys.delete(apiKey.id);
  console.log(`Deleted "${apiKey.name}"`);
} finally {
  await emu.close();
}
