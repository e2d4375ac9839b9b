// The workspace's packages as npm sees them (root package.json `workspaces`), so tests that
// cover "every package" pick up a new one without being edited.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  type?: string;
  engines?: { node?: string };
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string | Record<string, string>>>;
  files?: string[];
  repository?: { type: string; url: string; directory?: string };
  homepage?: string;
  bugs?: { url: string };
  publishConfig?: { access?: string; provenance?: boolean };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  /** Absolute folder. */
  dir: string;
  /** Folder relative to the repository root, e.g. `packages/sdk`. */
  relDir: string;
  manifest: Manifest;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Every workspace package, in the order of the root `workspaces` (a trailing `/*` lists a folder). */
export function workspacePackages(): WorkspacePackage[] {
  const { workspaces } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] };
  const dirs = workspaces.flatMap((w) =>
    w.endsWith('/*')
      ? readdirSync(path.join(repoRoot, w.slice(0, -2)), { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => path.join(w.slice(0, -2), e.name))
          .sort()
      : [path.normalize(w)],
  );
  return dirs
    .filter((relDir) => existsSync(path.join(repoRoot, relDir, 'package.json')))
    .map((relDir) => ({ dir: path.join(repoRoot, relDir), relDir, manifest: readManifest(path.join(repoRoot, relDir)) }));
}

/** The packages npm would publish (not `private`). */
export function publishablePackages(): WorkspacePackage[] {
  return workspacePackages().filter((p) => p.manifest.private !== true);
}

/** The file a package's `bin` entry names, as npm links it: `binPath('packages/secret-scan', 'dhmad-scan')`. */
export function binPath(relDir: string, bin: string): string {
  const dir = path.join(repoRoot, relDir);
  const target = readManifest(dir).bin?.[bin];
  if (target === undefined) throw new Error(`${relDir}/package.json has no bin named ${bin}`);
  return path.join(dir, target);
}
