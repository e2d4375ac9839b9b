import type { GitHub } from './github.js';

/** One repository of the organization, as the scan jobs need it. */
export interface Repository {
  /** `owner/name`. */
  repository: string;
  defaultBranch: string;
  /** A name for the job's artifact and checkpoint cache: `owner__name`. */
  artifact: string;
}

export interface ListOptions {
  /** Include archived repositories (default false: nothing new lands in them). */
  archived?: boolean;
  /** Include forks (default false: their history is mostly their parent's). */
  forks?: boolean;
}

export const artifactName = (fullName: string): string => fullName.replace('/', '__');

/**
 * Every repository of `org` (all pages of `GET /orgs/{org}/repos`), less archived ones and
 * forks unless asked for, less disabled and empty ones (nothing to scan), sorted by name.
 */
export async function listRepositories(gh: GitHub, org: string, options: ListOptions = {}): Promise<Repository[]> {
  const all = await gh.paginate(gh.rest.repos.listForOrg, { org, type: 'all', per_page: 100 });
  return all
    .filter((r) => (options.archived || !r.archived) && (options.forks || !r.fork) && !r.disabled && r.size !== 0)
    .map((r) => ({ repository: r.full_name, defaultBranch: r.default_branch ?? 'main', artifact: artifactName(r.full_name) }))
    .sort((a, b) => a.repository.localeCompare(b.repository));
}
