import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The downloads `action` starts on `page` (a statement, then its summary file), once `count` have begun. */
export async function downloadsDuring(page: Page, count: number, action: () => Promise<void>): Promise<Download[]> {
  const downloads: Download[] = [];
  const listener = (download: Download) => void downloads.push(download);
  page.on('download', listener);
  try {
    await action();
    await expect.poll(() => downloads.length).toBe(count);
  } finally {
    page.off('download', listener);
  }
  return downloads;
}
