import type { Readable } from 'node:stream';
import type { Collector } from '../collector.js';
import { BINARY_SNIFF_BYTES, StreamDetector } from '../detect.js';

/** Scan a stream (standard input) as one file named `file`, without holding it whole. */
export async function scanStream(input: Readable, file: string, collector: Collector): Promise<void> {
  const detector = new StreamDetector({ keepSecrets: collector.keepSecrets });
  let seen = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    if (seen < BINARY_SNIFF_BYTES && chunk.subarray(0, BINARY_SNIFF_BYTES - seen).indexOf(0) !== -1) {
      collector.stats.skippedBinary++;
      return;
    }
    seen += chunk.length;
    collector.stats.bytes += chunk.length;
    detector.push(chunk);
  }
  collector.stats.files++;
  collector.addDetections(file, null, detector.end());
}
