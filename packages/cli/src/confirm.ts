import { createInterface } from 'node:readline';
import type { ApiKey } from '@dhmad/sdk';
import { redactText } from '@dhmad/sdk/key-format';
import { CliError } from './errors.js';
import { keyLabel } from './format.js';
import { printable, type Terminal } from './terminal.js';

/**
 * Ask before a change that cannot be undone. `--yes` skips the question; without a terminal to
 * ask on (stdin and stderr), refuse so a script never changes a key by accident. A live key is
 * confirmed by typing its name, as the dashboard does; a sandbox key by `y`.
 */
export async function confirm(t: Terminal, key: ApiKey, action: 'regenerate' | 'delete', consequence: string, yes: boolean): Promise<void> {
  if (yes) return;
  const label = keyLabel(key);
  if (!t.stdin.isTTY || !t.stderr.isTTY) {
    throw new CliError(`keys ${action} ${key.keyPrefix} needs confirmation and there is no terminal to ask on: pass --yes to ${action} ${label}. Nothing was changed.`);
  }
  t.stderr.write(`${consequence}\n`);
  if (key.environment === 'live') {
    // The name as shown: a name that holds a key is shown, and so typed, redacted.
    const shown = printable(key.name);
    const answer = await ask(t, `Type the name of the live key to ${action} it (${shown}): `);
    if (answer === null) throw cancelled(label, action);
    if (answer !== key.name && answer !== shown) throw new CliError(`The name did not match, so ${label} was not ${action}d. Nothing was changed.`);
  } else {
    const answer = await ask(t, `${action === 'delete' ? 'Delete' : 'Regenerate'} ${label}? [y/N] `);
    if (answer === null) throw cancelled(label, action);
    if (!/^y(es)?$/i.test(answer.trim())) throw new CliError(`Not confirmed: ${label} was not ${action}d. Nothing was changed.`);
  }
}

const cancelled = (label: string, action: string): CliError => new CliError(`Cancelled: ${label} was not ${action}d. Nothing was changed.`);

/** The line typed, or null when the person pressed Ctrl-C or Ctrl-D instead of answering. */
function ask(t: Terminal, question: string): Promise<string | null> {
  return new Promise((resolve) => {
    // readline drives the real terminal (cursor, echo); the question is redacted here instead.
    const rl = createInterface({ input: t.stdin, output: t.raw.stderr, terminal: true });
    let answered = false;
    rl.question(redactText(question), (answer) => {
      answered = true;
      rl.close();
      resolve(answer);
    });
    // Ctrl-D or Ctrl-C: no answer, which is a no.
    rl.on('close', () => {
      if (!answered) {
        t.stderr.write('\n');
        resolve(null);
      }
    });
    rl.on('SIGINT', () => rl.close());
  });
}
