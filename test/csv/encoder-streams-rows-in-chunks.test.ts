import { describe, expect, it } from 'vitest';
import type { CsvRow } from '../../src-shared/csv/csv-cell';
import { defaultChunkLength } from '../../src-shared/csv/csv-chunker';
import { csvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsv, encodeCsvChunks, encodeCsvToString } from '../../src-shared/csv/encode-csv';
import { invoiceRows } from './support/invoice-rows';

const format = csvFormat('excel-nordic');

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

async function* slowly(rows: Iterable<CsvRow>): AsyncGenerator<CsvRow> {
  for (const row of rows) {
    await Promise.resolve();
    yield row;
  }
}

describe('the streaming encoder', () => {
  it('hands out chunks of about 64 KB, only the last one shorter', () => {
    const chunks = [...encodeCsvChunks(invoiceRows(20_000), format)];
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(defaultChunkLength);
      expect(chunk.length).toBeLessThan(defaultChunkLength + 1024);
    }
    expect(chunks.at(-1)?.length).toBeLessThanOrEqual(defaultChunkLength + 1024);
  });

  it('puts the BOM at the start of the first chunk only', () => {
    const chunks = [...encodeCsvChunks(invoiceRows(5_000), format, { chunkLength: 1000 })];
    expect(chunks[0]?.startsWith('\uFEFFNumber;Customer;')).toBe(true);
    expect(chunks.slice(1).some((chunk) => chunk.includes('\uFEFF'))).toBe(false);
  });

  it('pulls rows only as it needs them, so a large export is never all in memory', () => {
    let pulled = 0;
    function* counted(): Generator<CsvRow> {
      for (const row of invoiceRows(100_000)) {
        pulled++;
        yield row;
      }
    }
    const chunks = encodeCsvChunks(counted(), format);
    chunks.next();
    expect(pulled).toBeGreaterThan(100);
    expect(pulled).toBeLessThan(2_000);
  });

  it('gives the same text from rows that arrive asynchronously (pages from the cache)', async () => {
    const fromAsync = await collect(encodeCsv(slowly(invoiceRows(3_000)), format, { chunkLength: 4096 }));
    const fromSync = await collect(encodeCsv(invoiceRows(3_000), format, { chunkLength: 4096 }));
    expect(fromAsync.join('')).toBe(encodeCsvToString(invoiceRows(3_000), format));
    expect(fromAsync).toEqual(fromSync);
  });

  it('writes a file of no rows as just the BOM, or nothing', () => {
    expect(encodeCsvToString([], format)).toBe('\uFEFF');
    expect(encodeCsvToString([], csvFormat('rfc4180'))).toBe('');
  });

  it('refuses a chunk length that is not a positive whole number', () => {
    expect(() => [...encodeCsvChunks([], format, { chunkLength: 0 })]).toThrow(/positive whole number/);
  });
});
