import type { Page } from 'playwright-core';

/** The page's cache stamp (db/cache-stamp.ts): moves with every write a load of the lists would see; '' before any. */
export async function cacheStampOf(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reskontra-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const row = await new Promise<{ stamp: string } | undefined>((resolve, reject) => {
      const request = db.transaction('cacheStamp').objectStore('cacheStamp').get(1);
      request.onsuccess = () => resolve(request.result as { stamp: string } | undefined);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return row?.stamp ?? '';
  });
}

/** Resolves once Sync all may be pressed (not aria-disabled: no round of syncs runs), looked at every 20 ms. */
export async function syncAllPressable(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === 'Sync all' && button.getAttribute('aria-disabled') === 'false'),
    undefined,
    { polling: 20, timeout: timeoutMs },
  );
}
