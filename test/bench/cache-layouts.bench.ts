import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../support/chromium';
import { invoice } from '../support/records';
import type { BenchResult } from './support/bench-result';

const count = 100_000;

/** An invoice as the Aptic sandbox's is cached (~430 bytes as JSON), the template each written one varies. */
const template = {
  ...invoice('aptic-bench', '0', {
    raw: { invoiceGuid: '4f1c2c9e-6b0e-4a55-9d55-6a3f0a1b2c3d', invoiceNumber: '0', customerNumber: 'K-0', ocr: '0000000000', state: 'Open', remainingAmount: 1250.5 },
  }),
  stream: 'invoices',
  generation: 1,
};

/**
 * Runs inside the page (plain JavaScript: tsx would wrap named functions in a helper the page
 * does not have). Writes `count` invoice-shaped objects in one layout into a fresh database and
 * reads them all back; answers milliseconds for both.
 */
const layoutTimer = `async ({ layout, count, template }) => {
  const open = (name, create) => new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => create(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const done = (tx) => new Promise((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error); });
  const answer = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
  // What the invoice list needs of each invoice, beside its chunk, in one of three encodings.
  const facts = (r) => ({ id: r.id, number: r.number, customerName: r.customer.name, customerNumber: r.customer.number, issueDate: r.issueDate, dueDate: r.dueDate,
    currency: r.currency, status: r.status, financing: r.financing, reference: r.raw.ocr, total: r.total, paid: r.paid, outstanding: r.outstanding });
  const texts = ['customerName', 'customerNumber', 'issueDate', 'dueDate', 'currency', 'status', 'financing', 'reference'];
  const columnsOf = (encoding, invoices) => {
    const rows = invoices.map(facts);
    if (encoding === 'objects') return { rows };
    if (encoding === 'arrays') return Object.fromEntries(Object.keys(rows[0]).map((key) => [key, rows.map((row) => row[key])]));
    const dict = [];
    const codes = new Map();
    const code = (value) => { if (value === null) return 0; let c = codes.get(value); if (c === undefined) { dict.push(value); codes.set(value, (c = dict.length)); } return c; };
    const textCodes = new Uint32Array(texts.length * rows.length);
    const amounts = new Float64Array(3 * rows.length);
    rows.forEach((row, i) => {
      texts.forEach((key, f) => { textCodes[f * rows.length + i] = code(row[key]); });
      amounts[i] = row.total; amounts[rows.length + i] = row.paid; amounts[2 * rows.length + i] = row.outstanding;
    });
    return { ids: rows.map((row) => row.id), numbers: rows.map((row) => row.number), dict, textCodes, amounts };
  };
  const records = [];
  for (let i = 0; i < count; i++) {
    const ref = String(100000 + i);
    records.push({ ...template, id: 'aptic-bench/' + ref, providerRef: ref, number: ref, customer: { name: 'Kund ' + (i % 5000), number: 'K-' + (i % 5000) },
      dueDate: '2025-' + String(1 + (i % 12)).padStart(2, '0') + '-' + String(1 + (i % 28)).padStart(2, '0'), total: 1000 + i, outstanding: i % 3 === 0 ? 0 : 1000 + i,
      raw: { ...template.raw, invoiceNumber: ref, customerNumber: 'K-' + (i % 5000), ocr: ref.padStart(10, '0') } });
  }
  const name = 'layout-' + layout.name + '-' + Date.now();
  const db = await open(name, (created) => {
    if (layout.chunk) {
      const store = created.createObjectStore('chunks', { keyPath: 'seq', autoIncrement: true });
      store.createIndex('[connectionId+stream+generation]', ['connectionId', 'stream', 'generation']);
      if (layout.lookup) {
        store.createIndex('ids', 'ids', { multiEntry: true });
        store.createIndex('numbers', 'numbers', { multiEntry: true });
      }
      if (layout.columns) created.createObjectStore('columns', { keyPath: 'seq' });
    } else {
      const store = created.createObjectStore('invoices', { keyPath: 'id' });
      if (layout.indexes) {
        store.createIndex('[connectionId+stream]', ['connectionId', 'stream']);
        store.createIndex('number', 'number');
        store.createIndex('[dueDate+id]', ['dueDate', 'id']);
      }
    }
  });
  const started = performance.now();
  if (layout.chunk) {
    for (let i = 0; i < count; i += layout.chunk) {
      const tx = db.transaction(layout.columns ? ['chunks', 'columns'] : 'chunks', 'readwrite', { durability: 'default' });
      const invoices = records.slice(i, i + layout.chunk);
      const chunk = layout.text === 'json' ? { connectionId: template.connectionId, stream: 'invoices', generation: 1, text: JSON.stringify(invoices) }
        : layout.text === 'bytes' ? { connectionId: template.connectionId, stream: 'invoices', generation: 1, bytes: new TextEncoder().encode(JSON.stringify(invoices)) }
        : { connectionId: template.connectionId, stream: 'invoices', generation: 1, invoices };
      if (layout.lookup) { chunk.ids = invoices.map((r) => r.id); chunk.numbers = invoices.map((r) => r.number); }
      tx.objectStore('chunks').put(chunk).onsuccess = (event) => {
        if (layout.columns) tx.objectStore('columns').put({ seq: event.target.result, ...columnsOf(layout.columns, invoices) });
      };
      await done(tx);
    }
  } else {
    for (let i = 0; i < count; i += 1000) {
      const tx = db.transaction('invoices', 'readwrite');
      const store = tx.objectStore('invoices');
      for (const record of records.slice(i, i + 1000)) store.put(record);
      await done(tx);
    }
  }
  const writeMs = performance.now() - started;
  db.close();
  const reopened = await open(name, () => undefined);
  const readStarted = performance.now();
  const store = layout.columns ? 'columns' : layout.chunk ? 'chunks' : 'invoices';
  const all = await answer(reopened.transaction(store).objectStore(store).getAll());
  const read = layout.columns ? all.reduce((sum, row) => sum + (row.rows ?? row.number ?? row.numbers).length, 0) : layout.chunk ? all.flatMap((chunk) => chunk.text !== undefined ? JSON.parse(chunk.text) : chunk.bytes !== undefined ? JSON.parse(new TextDecoder().decode(chunk.bytes)) : chunk.invoices).length : all.length;
  const readMs = performance.now() - readStarted;
  reopened.close();
  await answer(indexedDB.deleteDatabase(name));
  if (read !== count) throw new Error('read back ' + read + ' of ' + count);
  return { writeMs, readMs };
}`;

interface Layout {
  name: string;
  label: string;
  indexes?: boolean;
  chunk?: number;
  lookup?: boolean;
  /** Beside each chunk, in the same transaction, its invoices' list fields in one encoding; reading back reads only these. */
  columns?: 'objects' | 'arrays' | 'typed';
  /** The chunk's invoices as one value: their JSON text, or that text's UTF-8 bytes (written and parsed inside the timing). */
  text?: 'json' | 'bytes';
}

const layouts: Layout[] = [
  { name: 'record-indexes', label: 'one record per invoice, 3 indexes, 1,000 per transaction', indexes: true },
  { name: 'record-plain', label: 'one record per invoice, no index, 1,000 per transaction' },
  { name: 'chunk-100', label: 'chunks of 100 invoices, one per transaction', chunk: 100 },
  { name: 'chunk-500', label: 'chunks of 500 invoices, one per transaction', chunk: 500 },
  { name: 'chunk-1000', label: 'chunks of 1,000 invoices, one per transaction', chunk: 1_000 },
  { name: 'chunk-1000-json', label: 'chunks of 1,000, the invoices as one JSON text', chunk: 1_000, text: 'json' },
  { name: 'chunk-1000-bytes', label: 'chunks of 1,000, the invoices as JSON in UTF-8 bytes', chunk: 1_000, text: 'bytes' },
  { name: 'chunk-5000', label: 'chunks of 5,000 invoices, one per transaction', chunk: 5_000 },
  { name: 'chunk-1000-lookup', label: 'chunks of 1,000 with multi-entry indexes of ids and numbers', chunk: 1_000, lookup: true },
  { name: 'chunk-100-lookup', label: 'chunks of 100 with multi-entry indexes of ids and numbers', chunk: 100, lookup: true },
  { name: 'chunk-1000-row-objects', label: 'chunks of 1,000, beside each its list fields as an object per invoice (read: those alone)', chunk: 1_000, columns: 'objects' },
  { name: 'chunk-1000-row-arrays', label: 'chunks of 1,000, beside each its list fields as an array per field (read: those alone)', chunk: 1_000, columns: 'arrays' },
  { name: 'chunk-1000-row-typed', label: 'chunks of 1,000, beside each its list fields as typed arrays and a string dictionary (read: those alone)', chunk: 1_000, columns: 'typed' },
];
/** `RESKONTRA_BENCH_LAYOUTS=chunk-1000,chunk-1000-row-typed` runs only those. */
const only = process.env.RESKONTRA_BENCH_LAYOUTS?.split(',');

/**
 * The cache's storage layouts side by side in one run, in Debian's Chromium with its profile on
 * disk (an in-memory profile flatters writes): write 100,000 invoice-shaped records, read them all back.
 */
export async function run(): Promise<BenchResult[]> {
  // IndexedDB needs an origin: an empty page from a local server.
  const server = createServer((_request, response) => response.end('<!doctype html><title>layouts</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const results: BenchResult[] = [];
    for (const layout of layouts.filter(({ name }) => !only || only.includes(name))) {
      const { writeMs, readMs } = (await page.evaluate(`(${layoutTimer})(${JSON.stringify({ layout, count, template })})`)) as { writeMs: number; readMs: number };
      process.stderr.write(`  ${layout.label}: write ${Math.round(writeMs)} ms, read ${Math.round(readMs)} ms\n`);
      results.push(
        { name: `layout, write 100k: ${layout.label}`, value: Math.round(writeMs), unit: 'ms' },
        { name: `layout, read all 100k: ${layout.label}`, value: Math.round(readMs), unit: 'ms' },
      );
    }
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}
