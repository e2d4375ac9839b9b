import type { Collector } from '../collector.js';
import { CHUNK_BYTES, type Detection, detectInBuffer, HeadSniffer, mayContainKey, PREFILTER_OVERLAP, StreamDetector } from '../detect.js';
import type { BlobSink } from '../git.js';

/** Blobs up to this size are gathered and scanned in one go; bigger ones are streamed. */
const WHOLE_BLOB_BYTES = 16 * CHUNK_BYTES;

/** The prefilter over a blob held in pieces, including prefixes split between two pieces. */
function piecesMayContainKey(pieces: readonly Buffer[]): boolean {
  for (let i = 0; i < pieces.length; i++) {
    if (mayContainKey(pieces[i]!)) return true;
    if (i > 0) {
      const prev = pieces[i - 1]!;
      const seam = Buffer.concat([prev.subarray(prev.length - PREFILTER_OVERLAP), pieces[i]!.subarray(0, PREFILTER_OVERLAP)]);
      if (mayContainKey(seam)) return true;
    }
  }
  return false;
}

/**
 * A `cat-file --batch` sink that scans each blob once, skipping binary ones,
 * and remembers the detections of the blobs that have any.
 */
export class BlobScanner implements BlobSink {
  readonly hits = new Map<string, Detection[]>();
  private oid = '';
  private readonly sniffer = new HeadSniffer();
  private pieces: Buffer[] = [];
  private size = 0;
  private stream: StreamDetector | null = null;

  constructor(
    private readonly collector: Collector,
    /** Called once, at the first blob with a detection. */
    private readonly onFirstHit?: () => void,
  ) {}

  begin(oid: string, type: string, size: number): boolean {
    if (type !== 'blob') return false;
    this.oid = oid;
    this.sniffer.reset();
    this.pieces = [];
    this.size = size;
    this.stream = null;
    return true;
  }

  missing(oid: string): void {
    this.collector.unreadable(`object ${oid.slice(0, 12)}`, 'missing or corrupt in the repository (git fsck says which)');
  }

  data(chunk: Buffer): void {
    for (const piece of this.sniffer.add(chunk)) this.take(piece);
  }

  /** A piece of a blob known to be text. */
  private take(piece: Buffer): void {
    if (this.stream) {
      this.stream.push(piece);
    } else if (this.size > WHOLE_BLOB_BYTES) {
      this.stream = new StreamDetector({ keepSecrets: this.collector.keepSecrets });
      this.stream.push(piece);
    } else {
      // Each piece is a fresh read from the pipe that nothing else reuses: keep the view, no copy.
      this.pieces.push(piece);
    }
  }

  /** A blob read whole, not from `cat-file` (a loose staged object). */
  whole(oid: string, content: Buffer): void {
    this.begin(oid, 'blob', content.length);
    this.data(content);
    this.end();
  }

  end(): void {
    const { stats, keepSecrets } = this.collector;
    for (const piece of this.sniffer.end()) this.take(piece);
    const encoding = this.sniffer.encoding;
    if (encoding === null) {
      stats.skippedBinary++;
      return;
    }
    stats.files++;
    stats.bytes += this.size;
    const found = this.stream
      ? this.stream.end()
      : encoding !== 'utf-8' || piecesMayContainKey(this.pieces)
        ? detectInBuffer(this.pieces.length === 1 ? this.pieces[0]! : Buffer.concat(this.pieces), keepSecrets)
        : [];
    this.pieces = [];
    this.stream = null;
    if (found.length > 0) {
      if (this.hits.size === 0) this.onFirstHit?.();
      this.hits.set(this.oid, found);
    }
    if ((stats.files & 1023) === 0) this.collector.progress();
  }
}
