/**
 * GitHub's secret stores: repository, environment, organization and Dependabot
 * secrets. Each fetches its own public key, seals the value with it and PUTs it.
 */
import type { SecretStore, TargetScope } from '../../core/types.js';
import type { GitHub } from './client.js';
import { REQUIRED_PERMISSION, targetError } from './errors.js';
import { seal } from './seal.js';

export type TargetSpec =
  | { scope: 'repository'; owner: string; repo: string }
  | { scope: 'environment'; owner: string; repo: string; environment: string }
  | { scope: 'organization'; org: string }
  | { scope: 'dependabot'; owner: string; repo: string }
  | { scope: 'dependabot'; org: string };

export function targetLabel(spec: TargetSpec): string {
  switch (spec.scope) {
    case 'repository':
    case 'dependabot':
      return 'org' in spec ? `dependabot:${spec.org}` : `${spec.scope}:${spec.owner}/${spec.repo}`;
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
  /** What the token needs here, in GitHub's UI words, for error messages. */
  protected abstract readonly permission: string;
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
      throw targetError(err, this.permission, this.where, `Writing secret ${this.secretName}`);
    }
  }

  private async publicKey(doing: string): Promise<PublicKey> {
    try {
      return await this.fetchPublicKey();
    } catch (err) {
      throw targetError(err, this.permission, this.where, doing);
    }
  }
}

/** Repository secrets exist for Actions and for Dependabot, with the same routes under each. */
type SecretsApi = 'actions' | 'dependabot';

class RepositorySecretStore extends GitHubSecretStore {
  readonly scope: TargetScope;
  protected readonly permission: string;
  constructor(
    github: GitHub,
    secretName: string,
    private readonly t: { owner: string; repo: string },
    private readonly kind: SecretsApi,
  ) {
    super(github, secretName, kind === 'actions' ? { scope: 'repository', ...t } : { scope: 'dependabot', ...t });
    this.scope = kind === 'actions' ? 'repository' : 'dependabot';
    this.permission = kind === 'actions' ? REQUIRED_PERMISSION.repository : REQUIRED_PERMISSION.dependabot;
  }
  protected get where(): string {
    return `${this.t.owner}/${this.t.repo}${this.kind === 'actions' ? '' : ' (Dependabot)'}`;
  }
  protected async fetchPublicKey(): Promise<PublicKey> {
    return (await this.github.rest[this.kind].getRepoPublicKey(this.t)).data;
  }
  protected async put(encrypted_value: string, key_id: string): Promise<void> {
    const body = { ...this.t, secret_name: this.secretName, encrypted_value, key_id };
    if (this.kind === 'actions') await this.github.rest.actions.createOrUpdateRepoSecret(body);
    else await this.github.rest.dependabot.createOrUpdateRepoSecret(body);
  }
}

class EnvironmentSecretStore extends GitHubSecretStore {
  readonly scope = 'environment';
  protected readonly permission = REQUIRED_PERMISSION.environment;
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
  readonly scope: TargetScope;
  protected readonly permission: string;
  constructor(
    github: GitHub,
    secretName: string,
    private readonly org: string,
    private readonly kind: SecretsApi,
  ) {
    super(github, secretName, kind === 'actions' ? { scope: 'organization', org } : { scope: 'dependabot', org });
    this.scope = kind === 'actions' ? 'organization' : 'dependabot';
    this.permission = kind === 'actions' ? REQUIRED_PERMISSION.organization : REQUIRED_PERMISSION.organizationDependabot;
  }
  protected get where(): string {
    return this.kind === 'actions' ? `organization ${this.org}` : `organization ${this.org} (Dependabot)`;
  }
  protected async fetchPublicKey(): Promise<PublicKey> {
    return (await this.github.rest[this.kind].getOrgPublicKey({ org: this.org })).data;
  }

  override async preflight(): Promise<void> {
    await super.preflight();
    try {
      await this.access();
    } catch (err) {
      throw targetError(err, this.permission, this.where, `Reading secret ${this.secretName}`);
    }
  }

  /**
   * The secret's visibility and, for `selected`, every selected repository: a PUT without
   * them would reset who can read the secret. A new secret gets `private`, GitHub's default.
   */
  private async access(): Promise<{ visibility: OrgVisibility; selected: number[] | undefined }> {
    const params = { org: this.org, secret_name: this.secretName };
    let visibility: OrgVisibility = 'private';
    try {
      visibility = (await this.github.rest[this.kind].getOrgSecret(params)).data.visibility;
    } catch (err) {
      if ((err as { status?: number }).status !== 404) throw err;
    }
    if (visibility !== 'selected') return { visibility, selected: undefined };
    const list =
      this.kind === 'actions' ? this.github.rest.actions.listSelectedReposForOrgSecret : this.github.rest.dependabot.listSelectedReposForOrgSecret;
    const repos = await this.github.paginate(list, { ...params, per_page: 100 });
    return { visibility, selected: repos.map((r) => r.id) };
  }

  protected async put(encrypted_value: string, key_id: string): Promise<void> {
    const { visibility, selected } = await this.access();
    const body = {
      org: this.org,
      secret_name: this.secretName,
      encrypted_value,
      key_id,
      visibility,
      ...(selected ? { selected_repository_ids: selected } : {}),
    };
    if (this.kind === 'actions') await this.github.rest.actions.createOrUpdateOrgSecret(body);
    else await this.github.rest.dependabot.createOrUpdateOrgSecret(body);
  }
}

export function createStore(github: GitHub, secretName: string, spec: TargetSpec): SecretStore {
  switch (spec.scope) {
    case 'repository':
      return new RepositorySecretStore(github, secretName, spec, 'actions');
    case 'environment':
      return new EnvironmentSecretStore(github, secretName, spec);
    case 'organization':
      return new OrganizationSecretStore(github, secretName, spec.org, 'actions');
    case 'dependabot':
      return 'org' in spec ? new OrganizationSecretStore(github, secretName, spec.org, 'dependabot') : new RepositorySecretStore(github, secretName, spec, 'dependabot');
  }
}
