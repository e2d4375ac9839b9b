/**
 * The git questions the DHMAD tools share, each answered once, so the scanner,
 * the ESLint plugin and the CLI cannot disagree about a repository: where it
 * is, what is tracked, what its `.gitignore` files ignore, which names are env
 * files and which are templates.
 */
export { discoverRepo, findRepo, findRepoSync, indexPath, stampOf, statIfAny, type Repo } from './repo.js';
export { ignoredByRepoRules, ignoredByRepoRulesSync, trackedFilesSync } from './ignore-rules.js';
export { listEnvFiles, unignoredProbes, type EnvFiles } from './env-files.js';
export { ENV_FILE_PATHSPECS, ENV_PROBES, isEnvFile, isEnvTemplate, TEMPLATE_SUFFIXES } from './env-names.js';
export { fileGitStatus, type FileGitStatus } from './file-status.js';
export {
  DISCOVERY_VARIABLES,
  exitOf,
  GitError,
  gitEnv,
  gitFailed,
  gitReason,
  LOCATION_VARIABLES,
  runGit,
  runGitSync,
  spawnGit,
  splitZ,
  type GitOutput,
  type Whose,
} from './run.js';
