import { describe, expect, it } from 'vitest';
import { loadContract } from '../src/contract.js';
import { handlers } from '../src/handlers.js';
import { call, createKey, emulator, type Res } from './helpers.js';

const contract = loadContract();

/** Check a response against the schema openapi.yaml gives for that operation and status. */
function conforms(operationId: string, res: Res): void {
  const op = contract.operations.find((o) => o.operationId === operationId);
  expect(op, operationId).toBeDefined();
  const schema = op!.responses[String(res.status)];
  expect(schema, `${operationId} documents status ${res.status}`).toBeDefined();
  expect(contract.resolver.validate(schema!, res.body), `${operationId} ${res.status} body`).toEqual({});
}

describe('openapi.yaml coverage', () => {
  it('has a handler for every operation, and no handler without an operation', () => {
    const ids = contract.operations.map((o) => o.operationId).sort();
    expect(ids).toEqual(Object.keys(handlers).sort());
    expect(ids.length).toBeGreaterThanOrEqual(8);
  });

  it('answers every operation with a body its schema accepts, errors included', async () => {
    const emu = await emulator();
    const live = emu.bootstrapKeys.live;
    const u = emu.liveUrl;
    conforms('retrieveMe', await call(`${u}/me`, { key: live }));
    conforms('retrieveMe', await call(`${u}/me`));
    const created = await call(`${u}/api-keys`, { method: 'POST', key: live, body: { name: 'c', metadata: { appName: 'a' }, expiresAt: '2099-01-01T00:00:00Z' } });
    conforms('createApiKey', created);
    conforms('createApiKey', await call(`${u}/api-keys`, { method: 'POST', key: live, body: {} }));
    const id = created.body.apiKey.id as string;
    conforms('listApiKeys', await call(`${u}/api-keys?limit=1&page=2`, { key: live }));
    conforms('listApiKeys', await call(`${u}/api-keys?limit=1000`, { key: live }));
    conforms('retrieveApiKey', await call(`${u}/api-keys/${id}`, { key: live }));
    conforms('retrieveApiKey', await call(`${u}/api-keys/0123456789abcdef01234567`, { key: live }));
    conforms('updateApiKey', await call(`${u}/api-keys/${id}`, { method: 'PATCH', key: live, body: { name: 'd' } }));
    conforms('regenerateApiKey', await call(`${u}/api-keys/${id}/regenerate`, { method: 'POST', key: live }));
    conforms('retrieveApiKeyUsage', await call(`${u}/api-keys/${id}/usage?days=2`, { key: live }));
    const app = await createKey(emu, { name: 'app' });
    conforms('listApiKeys', await call(`${u}/api-keys`, { key: app.key }));
    conforms('deleteApiKey', await call(`${u}/api-keys/${id}`, { method: 'DELETE', key: live }));
    const limited = await createKey(emu, { name: 'l', rateLimit: 1 });
    await call(`${u}/me`, { key: limited.key });
    conforms('retrieveMe', await call(`${u}/me`, { key: limited.key }));
    await call(`${u}/api-keys`, { method: 'POST', key: live, body: { name: 'i' }, headers: { 'idempotency-key': 'i' } });
    conforms('createApiKey', await call(`${u}/api-keys`, { method: 'POST', key: live, body: { name: 'j' }, headers: { 'idempotency-key': 'i' } }));
  });
});
