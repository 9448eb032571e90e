// Screenshots of every screen, synced from the sandboxes as a person would (npm run screenshots):
// `tsx scripts/screenshot.ts [outDir] [locales] [themes] [widths]`, e.g. `docs/screenshots en,sv light,dark 1280`.
// Defaults: docs/screenshots, English, light, 1280×800 — the set README's user section shows.
// Runs the built app (npm run build first) inside scripts/with-keyring.sh, as the tests do.
import { mkdir } from 'node:fs/promises';
import { allScreens, showScreen, useLanguage, viewports } from '../test/support/screens';
import { openSyncedApp } from '../test/support/synced-app';

const [outDir = 'docs/screenshots', locales = 'en', themes = 'light', widths = '1280'] = process.argv.slice(2);
await mkdir(outDir, { recursive: true });
// The same seed and scale every time, so a new set differs from the last only where the app changed.
const synced = await openSyncedApp({ seed: 7, scale: 120 }, ['vettig', 'flowtly', 'confirma', 'aptic']);
try {
  const { page } = synced;
  const screens = await allScreens(page);
  for (const locale of locales.split(',')) {
    await useLanguage(page, locale);
    for (const colorScheme of themes.split(',') as ('light' | 'dark')[]) {
      await page.emulateMedia({ colorScheme });
      for (const viewport of viewports.filter((size) => widths.split(',').includes(String(size.width)))) {
        await page.setViewportSize(viewport);
        for (const screen of screens) {
          await showScreen(page, screen.path);
          const name = [locale, colorScheme === 'light' ? '' : colorScheme, viewport.width === 1280 ? '' : viewport.width, screen.name].filter(Boolean).join('-');
          await page.screenshot({ path: `${outDir}/${name}.png` });
          console.log(`${outDir}/${name}.png`);
        }
      }
    }
  }
} finally {
  await synced.stop();
}
