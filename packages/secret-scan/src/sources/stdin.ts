import type { Readable } from 'node:stream';
import type { Collector } from '../collector.js';
import { HeadSniffer, StreamDetector } from '../detect.js';
import type { Source } from './source.js';

/** A stream (standard input) as one file named `file`, read without holding it whole. */
export class StdinSource implements Source {
  readonly roots: string[] = [];

  constructor(
    private readonly input: Readable,
    private readonly file: string,
  ) {}

  async prepare(): Promise<void> {}

  async scan(sink: Collector): Promise<void> {
    if (!sink.wants(this.file)) return;
    const detector = new StreamDetector({ keepSecrets: sink.keepSecrets });
    const sniffer = new HeadSniffer();
    for await (const chunk of this.input as AsyncIterable<Buffer>) {
      sink.stats.bytes += chunk.length;
      for (const piece of sniffer.add(chunk)) detector.push(piece);
      if (sniffer.encoding === null) break;
    }
    for (const piece of sniffer.end()) detector.push(piece);
    if (sniffer.encoding === null) {
      sink.stats.skippedBinary++;
      return;
    }
    sink.stats.files++;
    sink.detections(this.file, null, detector.end());
  }

  close(): void {}
}
