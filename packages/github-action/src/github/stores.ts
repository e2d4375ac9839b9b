/**
 * GitHub's secret stores: repository, environment, organization and Dependabot
 * secrets. Each fetches its own public key, seals the value with it and PUTs it.
 */
import type { SecretStore, TargetScope } from '../types.js';
import type { GitHub } from './client.js';
import { targetError } from './errors.js';
import { seal } from './seal.js';

export type TargetSpec =
  | { scope: 'repository'; owner: string; repo: string }
  | { scope: 'environment'; owner: string; repo: string; environment: string }
  | { scope: 'organization'; org: string }
  | { scope: 'dependabot'; owner: string; repo: string };

export function targetLabel(spec: TargetSpec): string {
  switch (spec.scope) {
    case 'repository':
    case 'dependabot':
      return `${spec.scope}:${spec.owner}/${spec.repo}`;
    case 'environment':
      return `environment:${spec.owner}/${spec.repo}:${spec.environment}`;
    case 'organization':
      return `organization:${spec.org}`;
  }
}

interface PublicKey {
  key_id: string;
  key: string;
}

/** What differs between the kinds of secret: where the key lives and how the PUT looks. */
abstract class GitHubSecretStore implements SecretStore {
  abstract readonly scope: TargetScope;
  readonly label: string;
  constructor(
    protected readonly github: GitHub,
    protected readonly secretName: string,
    protected readonly spec: TargetSpec,
  ) {
    this.label = targetLabel(spec);
  }

  /** `owner/repo` or `org`, for messages. */
  protected abstract get where(): string;
  protected abstract fetchPublicKey(): Promise<PublicKey>;
  protected abstract put(encrypted: string, keyId: string): Promise<void>;

  async preflight(): Promise<void> {
    await this.publicKey('Reading the secrets public key');
  }

  async write(secret: string): Promise<void> {
    // Fetched again rather than kept from preflight: GitHub may rotate it in between,
    // and a value sealed for a stale key is refused.
    const pk = await this.publicKey('Reading the secrets public key');
    const encrypted = await seal(pk.key, secret);
    try {
      await this.put(encrypted, pk.key_id);
    } catch (err) {
      throw targetError(err, this.scope, this.where, `Writing secret ${this.secretName}`);
    }
  }

  private async publicKey(doing: string): Promise<PublicKey> {
    try {
      return await this.fetchPublicKey();
    } catch (err) {
      throw targetError(err, this.scope, this.where, doing);
    }
  }
}

class RepositorySecretStore extends GitHubSecretStore {
  readonly scope = 'repository';
  constructor(
    github: GitHub,
    secretName: string,
    private readonly t: { owner: string; repo: string },
  ) {
    super(github, secretName, { scope: 'repository', ...t });
  }
  protected get where(): string {
    return `${this.t.owner}/${this.t.repo}`;
  }
  protected async fetchPublicKey(): Promise<PublicKey> {
    return (await this.github.rest.actions.getRepoPublicKey(this.t)).data;
  }
  protected async put(encrypted_value: string, key_id: string): Promise<void> {
    await this.github.rest.actions.createOrUpdateRepoSecret({ ...this.t, secret_name: this.secretName, encrypted_value, key_id });
  }
}

class EnvironmentSecretStore extends GitHubSecretStore {
  readonly scope = 'environment';
  constructor(
    github: GitHub,
    secretName: string,
    private readonly t: { owner: string; repo: string; environment: string },
  ) {
    super(github, secretName, { scope: 'environment', ...t });
  }
  protected get where(): string {
    return `${this.t.owner}/${this.t.repo} environment ${this.t.environment}`;
  }
  private get params() {
    // Octokit percent-encodes path parameters itself; encoding here would double it.
    return { owner: this.t.owner, repo: this.t.repo, environment_name: this.t.environment };
  }
  protected async fetchPublicKey(): Promise<PublicKey> {
    return (await this.github.rest.actions.getEnvironmentPublicKey(this.params)).data;
  }
  protected async put(encrypted_value: string, key_id: string): Promise<void> {
    await this.github.rest.actions.createOrUpdateEnvironmentSecret({ ...this.params, secret_name: this.secretName, encrypted_value, key_id });
  }
}

type OrgVisibility = 'all' | 'private' | 'selected';

class OrganizationSecretStore extends GitHubSecretStore {
  readonly scope = 'organization';
  constructor(
    github: GitHub,
    secretName: string,
    private readonly org: string,
  ) {
    super(github, secretName, { scope: 'organization', org });
  }
  protected get where(): string {
    return `organization ${this.org}`;
  }
  protected async fetchPublicKey(): Promise<PublicKey> {
    return (await this.github.rest.actions.getOrgPublicKey({ org: this.org })).data;
  }

  override async preflight(): Promise<void> {
    await super.preflight();
    try {
      await this.access();
    } catch (err) {
      throw targetError(err, this.scope, this.where, `Reading secret ${this.secretName}`);
    }
  }

  /**
   * The secret's visibility and, for `selected`, every selected repository: a PUT without
   * them would reset who can read the secret. A new secret gets `private`, GitHub's default.
   */
  private async access(): Promise<{ visibility: OrgVisibility; selected: number[] | undefined }> {
    let visibility: OrgVisibility = 'private';
    try {
      visibility = (await this.github.rest.actions.getOrgSecret({ org: this.org, secret_name: this.secretName })).data.visibility;
    } catch (err) {
      if ((err as { status?: number }).status !== 404) throw err;
    }
    if (visibility !== 'selected') return { visibility, selected: undefined };
    const repos = await this.github.paginate(this.github.rest.actions.listSelectedReposForOrgSecret, {
      org: this.org,
      secret_name: this.secretName,
      per_page: 100,
    });
    return { visibility, selected: repos.map((r) => r.id) };
  }

  protected async put(encrypted_value: string, key_id: string): Promise<void> {
    const { visibility, selected } = await this.access();
    await this.github.rest.actions.createOrUpdateOrgSecret({
      org: this.org,
      secret_name: this.secretName,
      encrypted_value,
      key_id,
      visibility,
      ...(selected ? { selected_repository_ids: selected } : {}),
    });
  }
}

class DependabotSecretStore extends GitHubSecretStore {
  readonly scope = 'dependabot';
  constructor(
    github: GitHub,
    secretName: string,
    private readonly t: { owner: string; repo: string },
  ) {
    super(github, secretName, { scope: 'dependabot', ...t });
  }
  protected get where(): string {
    return `${this.t.owner}/${this.t.repo} (Dependabot)`;
  }
  protected async fetchPublicKey(): Promise<PublicKey> {
    return (await this.github.rest.dependabot.getRepoPublicKey(this.t)).data;
  }
  protected async put(encrypted_value: string, key_id: string): Promise<void> {
    await this.github.rest.dependabot.createOrUpdateRepoSecret({ ...this.t, secret_name: this.secretName, encrypted_value, key_id });
  }
}

export function createStore(github: GitHub, secretName: string, spec: TargetSpec): SecretStore {
  switch (spec.scope) {
    case 'repository':
      return new RepositorySecretStore(github, secretName, spec);
    case 'environment':
      return new EnvironmentSecretStore(github, secretName, spec);
    case 'organization':
      return new OrganizationSecretStore(github, secretName, spec.org);
    case 'dependabot':
      return new DependabotSecretStore(github, secretName, spec);
  }
}
