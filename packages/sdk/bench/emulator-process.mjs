// Runs the emulator in its own process, so the server does not share an event
// loop (or a core) with the client being measured. Hands its URLs and key to
// the parent over IPC; nothing secret is printed.
import { startEmulator } from '@dhmad/emulator';

// Per-key rate limits off: the bench sends more than a key's 10,000/minute.
const emu = await startEmulator({ port: 0, keyRateLimits: false });
process.send({ liveUrl: emu.liveUrl, key: emu.bootstrapKeys.live });
process.on('message', async (m) => {
  if (m === 'close') {
    await emu.close();
    process.exit(0);
  }
});
