import type { Repo } from '@dhmad/git-facts';
import type { Collector } from '../collector.js';
import { ScanError } from '../errors.js';
import { catFileBatch, gitSync } from '../git.js';
import { BlobScanner } from './blobs.js';
import { countCommits, report, scanEveryRef, walkAppearances } from './history-walk.js';
import type { Source, SourceContext } from './source.js';

/**
 * The commits of all refs, or of a range, as a source. With all refs, every
 * distinct reachable blob is scanned once, and the paths and introducing
 * commits come from walks beside the scan (see {@link scanEveryRef}). A range
 * (`main..feature`, `HEAD~1..HEAD`) scans what its commits add or change,
 * blobs seen before the range included: its walk names the blobs and the
 * paths at once.
 */
export class HistorySource implements Source {
  readonly roots: string[] = [];
  private repo: Repo | null = null;

  constructor(
    private readonly ctx: SourceContext,
    private readonly range: string | null,
    /** `--checkpoint FILE` (every ref only): scan what is new since FILE, then record this scan in it. */
    private readonly checkpoint: string | null = null,
  ) {}

  async prepare(): Promise<void> {
    this.repo = await this.ctx.repo;
    if (!this.repo || !this.range) return;
    for (const part of this.range.split(/\.\.\.?/).filter(Boolean)) {
      // `rev^!` (the commit alone), `rev^@` (its parents) and `rev^-n` name ranges around a commit.
      const rev = part.replace(/\^(?:!|@|-\d*)$/, '');
      if (gitSync(this.repo.gitDir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).status !== 0) {
        const shallow = gitSync(this.repo.gitDir, ['rev-parse', '--is-shallow-repository']).stdout.toString('utf8').trim() === 'true';
        throw new ScanError(
          `--history range ${this.range}: ${part} is not a commit in this repository${shallow ? ' (a shallow clone: `git fetch --unshallow` brings the older commits)' : ''}.`,
        );
      }
    }
  }

  async scan(sink: Collector): Promise<void> {
    const cwd = this.repo!.gitDir;
    if (this.checkpoint) {
      const { scanWithCheckpoint } = await import('./history-checkpoint.js');
      await scanWithCheckpoint(cwd, this.checkpoint, sink, this.repo!.root);
      return;
    }
    const revisions = this.range ? [this.range] : ['--all'];
    sink.stats.commits = countCommits(cwd, revisions);
    if (this.range) {
      const scanner = new BlobScanner(sink);
      const appearances = await walkAppearances(cwd, revisions, null);
      await catFileBatch(cwd, new Set(appearances.filter((a) => !a.gitlink).map((a) => a.oid)), scanner);
      report(appearances, scanner.hits, sink);
    } else {
      await scanEveryRef(cwd, sink);
    }
  }

  close(): void {}
}
