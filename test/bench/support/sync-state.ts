import type { Page } from 'playwright-core';

/** What a bench reads of a stream's sync state row. */
interface SyncStateSeen {
  cursor: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
}

/** A stream's sync state row as the page's cache holds it; null before its first walk. */
export async function syncStateOf(page: Page, connectionId: string, stream = 'invoices'): Promise<SyncStateSeen | null> {
  return page.evaluate(async ({ id, stream }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reskontra-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const state = await new Promise<SyncStateSeen | null>((resolve, reject) => {
      const request = db.transaction('syncState').objectStore('syncState').get([id, stream]);
      request.onsuccess = () => resolve((request.result as SyncStateSeen | undefined) ?? null);
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

/** How many of the connection's cached invoices still have their VAT pending (the directory's counts). */
export async function vatPendingOf(page: Page, connectionId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reskontra-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<Array<{ connectionId: string; vatPending?: number }>>((resolve, reject) => {
      const request = db.transaction('invoiceDirectory').objectStore('invoiceDirectory').getAll();
      request.onsuccess = () => resolve(request.result as Array<{ connectionId: string; vatPending?: number }>);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows.reduce((sum, row) => sum + (row.connectionId === id ? (row.vatPending ?? 0) : 0), 0);
  }, connectionId);
}
