import type { Page } from 'playwright-core';

/** One screen of the app: its address inside the hash router and a name for reports and file names. */
export interface Screen {
  name: string;
  path: string;
}

const sectionScreens: Screen[] = ['dashboard', 'invoices', 'customers', 'events', 'cases', 'outbox', 'connections', 'settings'].map((name) => ({
  name,
  path: `/${name}`,
}));

export const viewports = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
] as const;

/** Waits until the screen at `path` shows its heading and has stopped saying it is loading. */
export async function showScreen(page: Page, path: string): Promise<void> {
  const hash = `#${path}`;
  if (await page.evaluate((target) => window.location.hash !== target, hash)) {
    await page.evaluate((target) => {
      window.location.hash = target;
    }, hash);
  }
  await page.locator('h1').first().waitFor();
  // Every "reading…" message of the app ends in an ellipsis (in pseudo-English, inside its closing ⟧).
  await page.waitForFunction(() => ![...document.querySelectorAll('main [role=status]')].some((status) => /…⟧*$/.test(status.textContent?.trim() ?? '')));
}

/** The first row link of a list screen: where its detail page lives. */
async function firstDetail(page: Page, listPath: string, linkPrefix: string): Promise<string> {
  await showScreen(page, listPath);
  const link = page.locator(`main a[href^="#${linkPrefix}"]`).first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`no detail link on ${listPath}`);
  return href.slice(1);
}

/** Every section plus one detail page each of an invoice, a customer and a collection case. */
export async function allScreens(page: Page): Promise<Screen[]> {
  return [
    ...sectionScreens,
    { name: 'invoice', path: await firstDetail(page, '/invoices', '/invoices/') },
    { name: 'customer', path: await firstDetail(page, '/customers', '/customers/') },
    { name: 'case', path: await firstDetail(page, '/cases', '/cases/') },
  ];
}

/** Switches the app's language as Settings does (the choice is kept in localStorage) and reloads. */
export async function useLanguage(page: Page, locale: string): Promise<void> {
  await page.evaluate((chosen) => window.localStorage.setItem('reskontra.locale', chosen), locale);
  await page.reload();
  await page.locator('h1').first().waitFor();
}

/** True when the page itself scrolls sideways (a table scrolling inside its own box does not count). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
