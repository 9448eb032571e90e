import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intlLocale } from '../../src-renderer/format/use-format';
import { messagesFor } from '../../src-renderer/i18n/all-messages';
import { pseudoMessage } from '../../src-renderer/i18n/pseudo-locale';
import { providerNames } from '../../src-shared/domain/provider';
import type { AppInfo } from '../../src-shared/rpc/app-methods';
import { rpcCall } from '../support/app-with-sandboxes';
import { builtScripts, buildPseudoRenderer, servePageFrom } from '../support/pseudo-renderer';
import { allScreens, showScreen, useLanguage, type Screen } from '../support/screens';
import { openSyncedApp, type SyncedApp } from '../support/synced-app';

// Every screen in pseudo-English (src-renderer/i18n/pseudo-locale.ts): a message reads ⟦Ìñṽöíçéš⟧,
// so any text on screen outside ⟦ ⟧ did not come from the message files. Data is not a message:
// text passes when it is what the app holds (the cache, the connections, main's own details),
// a provider's name, a currency code, a name Intl gave the calendar, or sits in an element marked
// translate="no".
let synced: SyncedApp;
let pseudo: Awaited<ReturnType<typeof buildPseudoRenderer>>;
let screens: Screen[];
let data: Set<string>;

/** One user-visible string: a text node, or an aria-label, title, placeholder or alt attribute, or the window title. */
interface Shown {
  text: string;
  where: string;
}

beforeAll(async () => {
  pseudo = await buildPseudoRenderer();
  synced = await openSyncedApp({ seed: 14, scale: 30 }, ['vettig', 'flowtly', 'confirma', 'aptic']);
  const { page, setup } = synced;
  await servePageFrom(page, setup.app.origin, pseudo.dir);
  await useLanguage(page, 'en');
  screens = await allScreens(page);
  const info = await rpcCall<AppInfo>(setup.app, 'app.info', {});
  data = new Set([
    ...(await page.evaluate(cachedStrings)),
    ...setup.connections.flatMap((connection) => [connection.label, connection.baseUrl]),
    ...Object.values(providerNames),
    // ISO 4217 codes (the book currency's choices): codes, the same in every language.
    ...Intl.supportedValuesOf('currency'),
    ...Object.values(info).filter((value): value is string => typeof value === 'string'),
    ...(await page.evaluate(calendarNames, intlLocale('en'))),
  ].map(words));
}, 300_000);
afterAll(async () => {
  await synced?.stop();
  await pseudo?.remove();
});

/** Every string value the page's IndexedDB holds (what was synced, as the screens read it). */
async function cachedStrings(): Promise<string[]> {
  const found = new Set<string>();
  const collect = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      if (value.length <= 300) found.add(value);
    } else if (depth < 8 && typeof value === 'object' && value !== null) {
      for (const item of Object.values(value)) collect(item, depth + 1);
    }
  };
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of db.objectStoreNames) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      collect(rows, 0);
    }
    db.close();
  }
  return [...found];
}

/** Month and weekday names as the page's Intl writes them for the app's English: dates are Intl's, not messages. */
function calendarNames(tag: string): string[] {
  const names: string[] = [];
  for (const style of ['long', 'short'] as const) {
    for (let month = 0; month < 12; month++) names.push(new Intl.DateTimeFormat(tag, { month: style, timeZone: 'UTC' }).format(Date.UTC(2025, month, 1)));
    for (let day = 0; day < 7; day++) names.push(new Intl.DateTimeFormat(tag, { weekday: style, timeZone: 'UTC' }).format(Date.UTC(2025, 5, day + 1)));
  }
  return names;
}

/** The letters of a text, word by word: what is compared (digits, signs and punctuation are never language). */
function words(text: string): string {
  return (text.match(/\p{L}+/gu) ?? []).join(' ');
}

/** The text left once every message (⟦…⟧, nested or not) is taken out, in the pieces between them. */
function outsideMessages(text: string): string[] {
  const pieces: string[] = [''];
  let depth = 0;
  for (const char of text) {
    if (char === '⟦') depth += 1;
    else if (char === '⟧') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) pieces.push('');
    } else if (depth === 0) pieces[pieces.length - 1] += char;
  }
  return pieces;
}

function isData(piece: string): boolean {
  const letters = words(piece);
  if (letters === '' || data.has(letters)) return true;
  // Several values side by side ("Vettig · Flowtly", "SEK 1,234.50 / EUR 20.00").
  const parts = piece.split(/\s+[·•–—/|-]\s+|,\s+/).filter((part) => words(part) !== '');
  return parts.length > 1 && parts.every((part) => data.has(words(part)));
}

function shownStrings(): Shown[] {
  const shown: Shown[] = [{ text: document.title, where: 'title' }];
  const describe = (element: Element): string => {
    const id = element.id ? `#${element.id}` : '';
    const classes = element.classList.length > 0 ? `.${[...element.classList].join('.')}` : '';
    return `${element.parentElement?.tagName.toLowerCase() ?? ''} > ${element.tagName.toLowerCase()}${id}${classes}`;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || element.closest('script, style, [translate="no"]') || (node.textContent ?? '').trim() === '') continue;
    shown.push({ text: node.textContent!.trim(), where: describe(element) });
  }
  for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (element.closest('[translate="no"]')) continue;
    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(attribute)?.trim();
      if (value) shown.push({ text: value, where: `${describe(element)}[${attribute}]` });
    }
  }
  return shown;
}

/** What `name` shows that did not come from a message and is not data. */
async function leaksOn(name: string): Promise<string[]> {
  const shown = await synced.page.evaluate(shownStrings);
  // The page really is the pseudo build: the screen's own words are transformed.
  expect(shown.filter(({ text }) => text.includes('⟦')).length, name).toBeGreaterThan(3);
  return shown.filter(({ text }) => !outsideMessages(text).every(isData)).map(({ text, where }) => `${name}: ${where}: ${JSON.stringify(text)}`);
}

const en = messagesFor('en');
const pseudoName = (message: string) => pseudoMessage(message).trim();

describe('every string on every screen comes from the message files', () => {
  it('shows no text outside a message but data, in pseudo-English', async () => {
    const { page } = synced;
    const leaks: string[] = [];
    for (const screen of screens) {
      await showScreen(page, screen.path);
      leaks.push(...(await leaksOn(screen.name)));
      // Each export dialog the screen offers, open.
      for (const button of await page.getByRole('button', { name: /^⟦Éẋþöŕţ/ }).all()) {
        await button.click();
        await page.getByRole('dialog').waitFor();
        leaks.push(...(await leaksOn(`${screen.name}, ${(await button.textContent())!}`)));
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' }).catch(() => page.getByRole('dialog').waitFor({ state: 'hidden' }));
      }
    }
    // The connection form, for each provider's fields.
    await showScreen(page, '/connections');
    await page.getByRole('button', { name: pseudoName(en.connections.add) }).click();
    const form = page.getByRole('form', { name: pseudoName(en.connections.addTitle) });
    for (const provider of Object.keys(providerNames)) {
      await form.getByRole('combobox', { name: pseudoName(en.connections.provider) }).selectOption(provider);
      leaks.push(...(await leaksOn(`connection form, ${provider}`)));
    }
    expect([...new Set(leaks)]).toEqual([]);
  }, 300_000);

  it('leaves pseudo-English out of the app\'s own build', async () => {
    const app = await builtScripts('out/renderer');
    expect(app).not.toContain('⟦');
    expect(await builtScripts(pseudo.dir)).toContain('⟦');
    expect(await readFile('out/renderer/index.html', 'utf8')).not.toContain('⟦');
  });
});
