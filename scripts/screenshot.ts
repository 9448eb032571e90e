// Takes a screenshot of every section in a given language: `tsx scripts/screenshot.ts <url> <outDir> [locale]`.
import { launchChromium } from '../test/support/chromium';

const [url, outDir = '/tmp/shots', locale = 'en'] = process.argv.slice(2);
if (!url) throw new Error('usage: screenshot.ts <url> [outDir] [locale]');
const browser = await launchChromium({ locale });
const page = await browser.context.newPage();
await page.goto(url);
for (const section of ['dashboard', 'invoices', 'events', 'cases', 'connections', 'settings']) {
  await page.goto(new URL(`#/${section}`, url).href);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/${locale}-${section}.png`, fullPage: true });
}
await browser.close();
