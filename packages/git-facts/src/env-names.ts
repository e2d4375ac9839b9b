/** Suffixes that make an env file name a template, committed on purpose: `.env.example`, `.env.local.sample`. */
export const TEMPLATE_SUFFIXES: ReadonlySet<string> = new Set(['example', 'sample', 'template', 'dist', 'defaults']);

const baseName = (file: string): string => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** `.env` or `.env.<something>`, templates included: the names env loaders read. */
function isEnvName(base: string): boolean {
  return base === '.env' || (base.startsWith('.env.') && base.length > 5);
}

/** A template such as `.env.example`: an env file name that is meant to be committed. */
export function isEnvTemplate(file: string): boolean {
  const base = baseName(file);
  return isEnvName(base) && base.slice(5).toLowerCase().split('.').some((part) => TEMPLATE_SUFFIXES.has(part));
}

/** `.env`, `.env.local`, `.env.production`...: a file of secrets, which templates such as `.env.example` are not. */
export function isEnvFile(file: string): boolean {
  return isEnvName(baseName(file)) && !isEnvTemplate(file);
}

/** Pathspecs that select every env file name (and templates, which {@link isEnvFile} then leaves out). */
export const ENV_FILE_PATHSPECS: readonly string[] = [':(glob)**/.env', ':(glob)**/.env.*'];

/** Names a repository should ignore at its root even before any such file exists. */
export const ENV_PROBES: readonly string[] = ['.env', '.env.local'];
