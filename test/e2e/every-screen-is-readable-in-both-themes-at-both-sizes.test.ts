import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { allScreens, scrollsSideways, showScreen, useLanguage, viewports, type Screen } from '../support/screens';
import { openSyncedApp, type SyncedApp } from '../support/synced-app';

// One synced app and one browser tab for every combination: syncing per case would take minutes.
let synced: SyncedApp;
let screens: Screen[];
beforeAll(async () => {
  synced = await openSyncedApp({ seed: 14, scale: 60 }, ['vettig', 'flowtly', 'confirma', 'aptic']);
  screens = await allScreens(synced.page);
}, 240_000);
afterAll(async () => {
  await synced?.stop();
});

describe('every screen in English and Swedish, light and dark, at 1024×700 and 1280×800', () => {
  it('has no serious or critical axe finding (colour contrast included) and no sideways page scroll', async () => {
    const { page } = synced;
    const problems: string[] = [];
    for (const locale of ['en', 'sv']) {
      await useLanguage(page, locale);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const viewport of viewports) {
          await page.setViewportSize(viewport);
          for (const screen of screens) {
            await showScreen(page, screen.path);
            const where = `${locale} ${colorScheme} ${viewport.width}×${viewport.height} ${screen.name}`;
            if (await scrollsSideways(page)) problems.push(`${where}: the page scrolls sideways`);
            for (const finding of await axeViolations(page)) problems.push(`${where}: ${finding}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
