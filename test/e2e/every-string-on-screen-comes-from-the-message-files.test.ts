import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intlLocale } from '../../src-renderer/format/use-format';
import { messagesFor } from '../../src-renderer/i18n/all-messages';
import { pseudoMessage } from '../../src-renderer/i18n/pseudo-locale';
import { createDataset } from '../../sandbox/data';
import { providerNames } from '../../src-shared/domain/provider';
import type { AppInfo } from '../../src-shared/rpc/app-methods';
import { apticReferenceItems } from '../sandbox/support/aptic-session';
import { rpcCall } from '../support/app-with-sandboxes';
import { launchChromium } from '../support/chromium';
import { builtScripts, buildPseudoRenderer, servePageFrom } from '../support/pseudo-renderer';
import { allScreens, showScreen, useLanguage, type Screen } from '../support/screens';
import { openSyncedApp, type SyncedApp } from '../support/synced-app';

// Every screen in pseudo-English (src-renderer/i18n/pseudo-locale.ts): a message reads ⟦Ìñṽöíçéš⟧,
// so any text on screen outside ⟦ ⟧ did not come from the message files. Data is not a message:
// text passes when it is what the app holds (the cache, less the sentences the app wrote into it;
// the connections; main's own details),
// a provider's name, a currency code, a name Intl gave the calendar, or sits in an element marked
// translate="no".
const options = { seed: 14, scale: 30 };
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
  synced = await openSyncedApp(options, ['vettig', 'flowtly', 'confirma', 'aptic']);
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

/**
 * Every string value the page's IndexedDB holds (what was synced, as the screens read it), but
 * the sentences the app itself wrote there: a quarantined record's English reason, and the
 * English message of a stored error (a provider's own words in it, `details.said`, are data).
 */
async function cachedStrings(): Promise<string[]> {
  const found = new Set<string>();
  const appAuthored = (holder: object, key: string): boolean => (key === 'reason' && 'json' in holder) || (key === 'message' && 'code' in holder);
  const collect = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      if (value.length <= 300) found.add(value);
    } else if (depth < 8 && typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) if (!appAuthored(value, key)) collect(item, depth + 1);
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
async function leaksOn(name: string, page = synced.page): Promise<string[]> {
  const shown = await page.evaluate(shownStrings);
  // The page really is the pseudo build: the screen's own words are transformed.
  expect(shown.filter(({ text }) => text.includes('⟦')).length, name).toBeGreaterThan(3);
  return shown.filter(({ text }) => !outsideMessages(text).every(isData)).map(({ text, where }) => `${name}: ${where}: ${JSON.stringify(text)}`);
}

const en = messagesFor('en');
const pseudoName = (message: string) => pseudoMessage(message).trim();
/** A message as the pseudo build shows it, its placeholders filled in. */
const pseudoText = (message: string, values: Record<string, string>) => pseudoName(message).replace(/\{(\w+)\}/g, (placeholder, key: string) => values[key] ?? placeholder);

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

  it('shows no text outside a message but data on the action forms, their confirm steps, the Outbox and the welcome', async () => {
    const { page, setup } = synced;
    const leaks: string[] = [];
    const dialog = page.getByRole('dialog');
    const connectionOf = (provider: string) => setup.connections.find((connection) => connection.provider === provider)!.id;
    /** Opens a confirm step with `open`, collects what it shows, and leaves it with Escape or with `answer`. */
    async function confirmStep(name: string, open: () => Promise<void>, answer?: string): Promise<void> {
      await open();
      await dialog.waitFor();
      leaks.push(...(await leaksOn(name)));
      if (answer) await dialog.getByRole('button', { name: answer, exact: true }).click();
      else await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }

    // The Invoices list with every shown invoice ticked: the bar, and each bulk action's confirm step with its reasons.
    await showScreen(page, '/invoices');
    await page.locator('.invoice-table thead input[type="checkbox"]').check();
    leaks.push(...(await leaksOn('invoices, all selected')));
    const bulk = page.getByRole('group', { name: pseudoName(en.invoices.bulk.heading) });
    await confirmStep('invoices, bulk dispute', () => bulk.getByRole('button', { name: pseudoName(en.invoices.bulk.dispute) }).click());
    await bulk.getByRole('textbox', { name: pseudoName(en.invoices.bulk.newDueDate) }).fill('2025-07-01');
    await confirmStep('invoices, bulk postpone', () => bulk.getByRole('button', { name: pseudoName(en.invoices.bulk.postpone) }).click());

    // An open Aptic invoice of the seller's own ledger, which Aptic would buy: every form on its page.
    const dataset = createDataset(options.seed, options.scale);
    const truths = new Map(Array.from({ length: options.scale }, (_, index) => dataset.invoiceAt(index)).map((truth) => [truth.number, truth]));
    const item = apticReferenceItems(options.seed, options.scale).find((candidate) => {
      const truth = truths.get(candidate.invoiceNumber);
      return candidate.purchasable === 1 && candidate.financeStatus === 0 && Number(candidate.remainingPrincipal) > 10 && truth?.factoring === null && truth.collection === null;
    });
    if (!item) throw new Error('no open own-ledger Aptic invoice in the dataset');
    await showScreen(page, `/invoices/${encodeURIComponent(`${connectionOf('aptic')}/${item.invoiceGuid}`)}`);
    const aptic = page.getByRole('region', { name: pseudoText(en.outbox.invoice.heading, { provider: 'Aptic' }) });
    const button = (name: string, values: Record<string, string> = {}) => aptic.getByRole('button', { name: pseudoText(name, values), exact: true });
    await confirmStep('invoice, dispute', () => button(en.outbox.invoice.dispute).click());
    const dueDate = aptic.getByRole('textbox', { name: pseudoName(en.outbox.invoice.newDueDate) });
    await dueDate.fill('31/31/2099');
    await dueDate.press('Enter');
    leaks.push(...(await leaksOn('invoice, a date that is no date')));
    // Aptic refuses a due date before the current one, in its own words: the Outbox wraps them in the app's sentence.
    await dueDate.fill('2020-01-02');
    await confirmStep('invoice, postpone', () => button(en.outbox.invoice.postpone).click(), pseudoName(en.outbox.confirm.send));
    const amount = aptic.getByRole('textbox', { name: pseudoText(en.outbox.invoice.amount, { currency: item.currencyCode }) });
    await amount.fill('0');
    await button(en.outbox.invoice.pay).click();
    await aptic.getByRole('alert').waitFor();
    leaks.push(...(await leaksOn('invoice, an amount that is no amount')));
    await amount.fill('1');
    await confirmStep('invoice, payment', () => button(en.outbox.invoice.pay).click(), pseudoName(en.outbox.confirm.prepare));
    await confirmStep('invoice, close', () => button(en.outbox.invoice.close).click());
    await confirmStep('invoice, sale to Aptic', () => button(en.outbox.finance.sell, { provider: 'Aptic' }).click(), pseudoName(en.outbox.confirm.prepare));
    await confirmStep('invoice, review the sale', () => aptic.getByRole('row').filter({ hasText: pseudoName(en.outbox.kinds.purchase) }).getByRole('button', { name: pseudoName(en.outbox.buttons.review) }).click());
    const vettig = page.getByRole('region', { name: pseudoText(en.outbox.finance.vettigHeading, { provider: 'Vettig' }) });
    await confirmStep('invoice, financing at Vettig', () => vettig.getByRole('button', { name: pseudoText(en.outbox.finance.vettigFinance, { provider: 'Vettig' }) }).first().click());
    await expect.poll(() => aptic.getByRole('row').filter({ hasText: pseudoName(en.outbox.states.refused) }).count(), { timeout: 20_000 }).toBe(1);
    leaks.push(...(await leaksOn('invoice, its actions')));

    // A Confirma case: the comment's confirm step.
    const open = Array.from(dataset.index().collection, (index) => dataset.invoiceAt(index).collection!).find((collection) => collection.closedDate === null);
    if (!open) throw new Error('no open case in the dataset');
    await showScreen(page, `/cases/${encodeURIComponent(`${connectionOf('confirma')}/${open.caseId}`)}`);
    const confirma = page.getByRole('region', { name: pseudoText(en.outbox.case.heading, { provider: 'Confirma Finance' }) });
    await confirma.getByRole('textbox', { name: pseudoName(en.outbox.case.comment) }).fill('Promised to pay Friday');
    await confirmStep('case, comment', () => confirma.getByRole('button', { name: pseudoName(en.outbox.case.add) }).click());

    // The Outbox: its rows (a refusal in Aptic's words among them) and a payment's confirm step after the fresh read.
    await showScreen(page, '/outbox');
    leaks.push(...(await leaksOn('outbox')));
    const payment = page.getByRole('row').filter({ hasText: pseudoName(en.outbox.kinds.payment).split('{')[0]! });
    await confirmStep('outbox, review a payment', () => payment.getByRole('button', { name: pseudoName(en.outbox.buttons.review) }).click());

    // A record the provider sent that main could not read, kept as this version keeps it: its
    // English reason and the same as a code. The dialog must say it from the code.
    const aptics = setup.connections.find((connection) => connection.provider === 'aptic')!;
    await page.evaluate(async (connectionId) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('reskontra-cache');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('quarantine', 'readwrite');
        const reason = 'Aptic invoice guid-3, field originalPrincipal: "abc" is not a decimal amount.';
        transaction.objectStore('quarantine').add({ connectionId, stream: 'invoices', providerRef: 'guid-3', kind: 'invoice', reason, problem: { code: 'amount', field: 'originalPrincipal', value: 'abc' }, json: '{"originalPrincipal":"abc"}' });
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    }, aptics.id);
    for (const text of await page.evaluate(cachedStrings)) data.add(words(text));
    await showScreen(page, '/connections');
    await confirmStep('connections, a record that could not be read', () => page.getByRole('button', { name: pseudoText(en.connections.viewQuarantinedOf, { label: aptics.label }) }).click());

    // The welcome, on a profile that has synced nothing yet.
    const fresh = await launchChromium();
    try {
      const first = await fresh.context.newPage();
      await servePageFrom(first, setup.app.origin, pseudo.dir);
      await first.goto(setup.app.url);
      await first.getByRole('region', { name: pseudoName(en.freshness.welcome.title) }).waitFor();
      leaks.push(...(await leaksOn('welcome', first)));
    } finally {
      await fresh.close();
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
