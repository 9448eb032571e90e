import { describe, expect, it } from 'vitest';
import { csvTable, type CsvColumn } from '../../src-shared/csv/csv-columns';
import { csvFormat, type CsvFormat } from '../../src-shared/csv/csv-format';
import { csvTableBatches } from '../../src-shared/csv/csv-table-bytes';
import { encodeCsvChunks, encodeCsvToString } from '../../src-shared/csv/encode-csv';

interface Line {
  number: string;
  name: string | null;
  status: string;
  date: string | null;
  minor: number | null;
  currency: string;
  count: number | null;
}

const columns: CsvColumn<Line>[] = [
  { header: 'Number', kind: 'text', value: (line) => line.number },
  { header: 'Name; "quoted"', kind: 'text', value: (line) => line.name, repeats: true },
  { header: 'Status', kind: 'text', value: (line) => line.status, repeats: true },
  { header: 'Date', kind: 'date', value: (line) => line.date },
  { header: 'Amount', kind: 'amount', minor: (line) => line.minor, currency: (line) => line.currency },
  { header: 'Count', kind: 'integer', value: (line) => line.count },
];

// Everything a field can need: formula guards, quotes, each delimiter, line breaks, a BOM of its own, non-BMP text.
const long = 'x'.repeat(5_000);
const names = [long, `${long}é`, '=SUM(A1)', '+46 8 123', '-minus', '@at', '\tTab', '\rCR', 'Müller; "Export" GmbH', 'a,b', 'a|b', 'line\nbreak', '\uFEFFbom', 'Åkesson 😀', '', null];
const lines: Line[] = Array.from({ length: 2_000 }, (_, i) => ({
  number: i % 7 === 0 ? `=${i}` : i % 17 === 0 ? `Nr ${i}; "${i}"` : i % 19 === 0 ? `Ö-${i}` : i % 23 === 0 ? long : String(10_000 + i),
  name: names[i % names.length]!,
  status: i % 3 === 0 ? 'Förfallen' : 'Open, "paid"',
  date: i % 5 === 0 ? null : `2024-02-${String((i % 29) + 1).padStart(2, '0')}`,
  minor: i % 11 === 0 ? null : i % 37 === 0 ? Number.MAX_SAFE_INTEGER * (i % 2 ? 1 : -1) : i % 41 === 0 ? -0 : (i - 1_000) * 137 + (i % 3),
  currency: i % 4 === 0 ? 'JPY' : i % 4 === 1 ? 'EUR' : 'SEK',
  count: i % 13 === 0 ? null : i % 29 === 0 ? Number.MIN_SAFE_INTEGER : i - 500,
}));

const formats: CsvFormat[] = [
  csvFormat('excel-nordic'),
  csvFormat('rfc4180'),
  csvFormat('excel-nordic', { delimiter: ',', bom: false, lineEnd: '\n' }),
  csvFormat('rfc4180', { delimiter: '\t' }),
  csvFormat('rfc4180', { delimiter: '|', decimalSeparator: ',' }),
];

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file the batches make, checking that each ends between characters and all but the last are full. */
function fileOf(batches: Iterable<Uint8Array>, batchBytes: number): string {
  let text = '';
  const sizes: number[] = [];
  for (const batch of batches) {
    sizes.push(batch.length);
    text += decoder.decode(batch);
  }
  const last = sizes.pop()!;
  expect(last).toBeGreaterThan(0);
  expect(last).toBeLessThanOrEqual(batchBytes);
  // A character of up to four bytes may not fit in a full batch's last bytes.
  expect(sizes.filter((size) => size < batchBytes - 3 || size > batchBytes)).toEqual([]);
  return text;
}

describe('a table written straight from its columns as bytes', () => {
  it.each(formats)('is the same file as its rows of cells through the encoder, in batches of any size (%o)', (format) => {
    const throughCells = encodeCsvToString(csvTable(columns, lines), format);
    // A batch smaller than one long text, one a little larger, and one larger than the whole file.
    for (const batchBytes of [7, 4_099, 1 << 22]) {
      expect(fileOf(csvTableBatches(columns, lines, format, batchBytes), batchBytes)).toBe(throughCells);
    }
  });

  it('is the header alone (after the BOM) when there are no records', () => {
    const format = csvFormat('excel-nordic');
    expect(fileOf(csvTableBatches(columns, [], format, 64), 64)).toBe(encodeCsvToString(csvTable(columns, []), format));
  });

  it.each([
    ['a day that does not exist', { date: '2025-02-29' }, 'Row 5, column 4: "2025-02-29" is not a date (YYYY-MM-DD).'],
    ['a currency that is no code', { currency: 'kr' }, 'Row 5, column 5: "kr" is not an ISO 4217 currency code.'],
    ['an amount that is not whole', { minor: 1.5 }, 'Row 5, column 5: 1.5 is not a whole number of minor units.'],
    ['a count that is not whole', { count: 2 ** 60 }, `Row 5, column 6: ${String(2 ** 60)} is not a whole number.`],
  ])('names the same row and column as the cells do for %s', (_what, change, expected) => {
    const bad = [...lines.slice(0, 3), { ...lines[3]!, minor: 100, ...change }];
    const format = csvFormat('rfc4180');
    const message = (write: () => unknown) => {
      try {
        write();
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(message(() => [...csvTableBatches(columns, bad, format, 4096)])).toBe(expected);
    expect(message(() => [...encodeCsvChunks(csvTable(columns, bad), format)])).toBe(expected);
  });
});
