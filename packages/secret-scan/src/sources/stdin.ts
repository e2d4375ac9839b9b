import type { Readable } from 'node:stream';
import type { Collector } from '../collector.js';
import { HeadSniffer, StreamDetector } from '../detect.js';

/** Scan a stream (standard input) as one file named `file`, without holding it whole. */
export async function scanStream(input: Readable, file: string, collector: Collector): Promise<void> {
  const detector = new StreamDetector({ keepSecrets: collector.keepSecrets });
  const sniffer = new HeadSniffer();
  for await (const chunk of input as AsyncIterable<Buffer>) {
    collector.stats.bytes += chunk.length;
    for (const piece of sniffer.add(chunk)) detector.push(piece);
    if (sniffer.encoding === null) break;
  }
  for (const piece of sniffer.end()) detector.push(piece);
  if (sniffer.encoding === null) {
    collector.stats.skippedBinary++;
    return;
  }
  collector.stats.files++;
  collector.addDetections(file, null, detector.end());
}
