import type { Page } from 'playwright-core';

/** A stream's sync state row as the page's cache holds it; null before its first walk. */
export async function syncStateOf(page: Page, connectionId: string, stream = 'invoices'): Promise<{ lastSuccessAt: string | null } | null> {
  return page.evaluate(async ({ id, stream }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reskontra-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const state = await new Promise<{ lastSuccessAt: string | null } | null>((resolve, reject) => {
      const request = db.transaction('syncState').objectStore('syncState').get([id, stream]);
      request.onsuccess = () => resolve((request.result as { lastSuccessAt: string | null } | undefined) ?? null);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return state;
  }, { id: connectionId, stream });
}

/** Waits until the connection's invoices stream has finished a walk. */
export async function invoicesSynced(page: Page, connectionId: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await syncStateOf(page, connectionId))?.lastSuccessAt) {
    if (Date.now() - started > timeoutMs) throw new Error(`the invoices of ${connectionId} did not sync in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
