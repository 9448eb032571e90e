import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rpcContract } from '../../src-shared/rpc/contract';
import { createHandlers } from '../../src-main/rpc/create-handlers';
import { createDispatch } from '../../src-main/rpc/dispatch';

async function table() {
  const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-contract-'));
  return createHandlers({ name: 'Reskontra', version: '1.2.3', transport: 'electron', dataDir });
}

describe('the RPC contract', () => {
  it('is served method for method: no handler missing, none extra', async () => {
    expect(Object.keys(await table()).sort()).toEqual(Object.keys(rpcContract).sort());
  });

  it('names every method domain.verb', () => {
    for (const name of Object.keys(rpcContract)) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });

  it('answers app.info with name, version, transport and data folder', async () => {
    const handlers = await table();
    const result = await createDispatch(handlers)('app.info', {});
    expect(result).toMatchObject({ ok: true, value: { name: 'Reskontra', version: '1.2.3', transport: 'electron' } });
  });

  it('does not dispatch to inherited object properties', async () => {
    const dispatch = createDispatch(await table());
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('reports an unexpected handler failure without its details', async () => {
    const handlers = await table();
    const logged: string[] = [];
    const failing = {
      ...handlers,
      'app.info': async () => {
        throw new Error('Authorization: Bearer sk_live_do_not_show');
      },
    };
    const result = await createDispatch(failing, (line) => logged.push(line))('app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Reskontra could not complete "app.info".' } });
    expect(JSON.stringify(result) + logged.join('')).not.toContain('sk_live');
  });
});
