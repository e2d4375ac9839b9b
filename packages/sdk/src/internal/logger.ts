import { redactJson, redactText } from '../key-format.js';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with console's four methods: `console`, pino, winston ... */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}

/**
 * A logger that drops messages above `level` and scrubs what it passes on:
 * every string, including nested ones, goes through `redactText`, so even a
 * mistake upstream cannot print a key.
 */
export function makeLogger(logger: Logger, level: LogLevel): Logger {
  const at = (lvl: Exclude<LogLevel, 'off'>) =>
    RANK[lvl] > RANK[level]
      ? () => {}
      : (message: string, ...rest: unknown[]) => logger[lvl](redactText(`[dhmad] ${message}`), ...rest.map(redactJson));
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
