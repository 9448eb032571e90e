import { describe, expect, it } from 'vitest';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { needsCredentials } from '../../src-renderer/i18n/error-message';
import { syncConnection } from '../../src-renderer/sync/sync-connection';
import { forgetStoredErrors, shownError } from '../../src-renderer/sync/sync-state';
import { memoryCache } from '../support/memory-cache';

/**
 * A failed sync is remembered per stream as the error's code and details, so after a restart it is
 * translated (and offers Edit connection) like the live error was, never main's English alone.
 */
const aptic = { id: 'a1', provider: 'aptic' as const };
const refused = new RpcError('credentials_refused', 'Aptic refused the credentials (401 invalid_client).', { provider: 'aptic', said: '401 invalid_client' });

async function failedSync(error: unknown) {
  const { db } = memoryCache();
  const sync = syncConnection(db, async () => Promise.reject(error), aptic, { full: false, signal: new AbortController().signal });
  await expect(sync).rejects.toBe(error);
  return db;
}

describe('the stored sync error', () => {
  it('keeps the code and details, and reads back as the same RpcError', async () => {
    const db = await failedSync(refused);
    const state = await db.syncState.get(['a1', 'invoices']);
    expect(state?.lastError).toEqual(refused.toBody());
    const shown = shownError(state!.lastError);
    expect(shown).toBeInstanceOf(RpcError);
    expect(shown).toMatchObject({ code: 'credentials_refused', details: { provider: 'aptic', said: '401 invalid_client' } });
    expect(needsCredentials(shown)).toBe(true);
  });

  it('is an internal error when the failure was no RpcError', async () => {
    const db = await failedSync(new TypeError('boom'));
    expect(shownError((await db.syncState.get(['a1', 'invoices']))!.lastError)).toMatchObject({ code: 'internal', message: 'boom' });
  });

  it('of a row stored before codes were is shown as the text it was', () => {
    expect(shownError('Aptic refused the credentials.')).toBe('Aptic refused the credentials.');
  });

  it('goes when credentials pass a test, while an error of another kind stays', async () => {
    const db = await failedSync(refused);
    await db.syncState.put({ connectionId: 'a1', stream: 'invoice-details', cursor: null, generation: 0, sweep: false, lastSuccessAt: null, lastAttemptAt: null, lastError: new RpcError('provider_unreadable', 'x', { provider: 'aptic' }).toBody() });
    await forgetStoredErrors(db, 'a1', needsCredentials);
    expect((await db.syncState.get(['a1', 'invoices']))?.lastError).toBeNull();
    expect((await db.syncState.get(['a1', 'invoice-details']))?.lastError).toMatchObject({ code: 'provider_unreadable' });
  });
});
