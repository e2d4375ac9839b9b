import { openAccount } from '../client.js';
import { json, minute } from '../format.js';
import { printable, type Terminal } from '../terminal.js';

/** `dhmad me`: which key DHMAD_API_KEY is, its environment, the account. */
export async function me(t: Terminal, options: { json: boolean }): Promise<void> {
  const account = openAccount(t);
  const result = await account.client.me.retrieve();
  if (options.json) {
    t.stdout.write(json(result));
    return;
  }
  const { apiKey, developer } = result;
  const company = developer.companyName ? ` (${printable(developer.companyName)})` : '';
  t.stdout.write(
    [
      `Key:         ${apiKey.keyPrefix} "${printable(apiKey.name)}"`,
      `Environment: ${apiKey.environment}`,
      `Status:      ${apiKey.isActive ? 'active' : 'inactive'}${apiKey.expiresAt ? `, expires ${minute(apiKey.expiresAt)}` : ''}`,
      `Account:     ${printable(developer.email)}${company}, developer ${developer.id}`,
      `API:         ${account.client.baseUrl ?? ''}`,
      '',
    ].join('\n'),
  );
}
