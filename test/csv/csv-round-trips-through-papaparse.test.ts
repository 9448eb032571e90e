import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvCell } from '../../src-shared/csv/csv-cell';
import { csvFormat, csvPresetIds, type CsvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvChunks, encodeCsvToString } from '../../src-shared/csv/encode-csv';
import { minorDigits } from '../../src-shared/money/currency';
import { parseMinorUnits } from '../../src-shared/money/parse-amount';
import { expectedText, readBack } from './support/read-back';

/** Characters that break naive CSV writers and readers, plus the names the users have. */
const tricky = [';', ',', '"', "'", '\r', '\n', '\r\n', '\t', '|', '=', '+', '-', '@', ' ', '\uFEFF',
  'å', 'ä', 'ö', 'Å', 'Ö', 'ij', 'IJ', 'ü', 'é', '€', '1', '0', '.', 'a', 'Z'];

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...tricky), maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('=SUM(A1:A2)', '+46 8 123', '-150,00', '@user', '\tx', '\rx', "'quoted", 'Åkesson; "AB"'),
);

const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  text.map((value): CsvCell => ({ kind: 'text', value })),
  fc
    .record({ minor: fc.maxSafeInteger(), currency: fc.constantFrom('SEK', 'EUR', 'JPY', 'KWD', 'NOK') })
    .map((amount): CsvCell => ({ kind: 'amount', ...amount })),
  fc
    .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date): CsvCell => ({ kind: 'date', value: date.toISOString().slice(0, 10) })),
  fc.maxSafeInteger().map((value): CsvCell => ({ kind: 'integer', value })),
  fc.constant<CsvCell>({ kind: 'empty' }),
);

const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 20 });

const formats: [string, CsvFormat][] = [
  ...csvPresetIds.map((id): [string, CsvFormat] => [id, csvFormat(id)]),
  ['rfc4180 with LF', csvFormat('rfc4180', { lineEnd: '\n' })],
  ['excel-nordic with tabs', csvFormat('excel-nordic', { delimiter: '\t' })],
  ['comma delimiter with decimal comma', csvFormat('excel-nordic', { delimiter: ',' })],
];

function checkField(field: string | undefined, cell: CsvCell, format: CsvFormat): void {
  if (cell.kind !== 'amount') {
    expect(field).toBe(expectedText(cell));
    return;
  }
  // A bare number: optional minus, digits, and the currency's decimals after the chosen separator.
  const digits = minorDigits(cell.currency);
  const separator = format.decimalSeparator === '.' ? '\\.' : ',';
  expect(field).toMatch(new RegExp(`^-?\\d+${digits === 0 ? '' : `${separator}\\d{${digits}}`}$`));
  expect(parseMinorUnits(field, cell.currency, { record: 'round trip', field: 'amount' })).toBe(cell.minor);
}

describe.each(formats)('CSV written with %s', (_name, format) => {
  it('reads back with papaparse to the same cells, formula-looking text prefixed with a quote', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const parsed = readBack(encodeCsvToString(input, format), format);
        expect(parsed).toHaveLength(input.length);
        input.forEach((row, r) => {
          expect(parsed[r]).toHaveLength(row.length);
          row.forEach((original, c) => checkField(parsed[r]?.[c], original, format));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is the same text whatever the chunk length', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 200 }), (input, chunkLength) => {
        const chunks = [...encodeCsvChunks(input, format, { chunkLength })];
        expect(chunks.join('')).toBe(encodeCsvToString(input, format));
      }),
      { numRuns: 100 },
    );
  });
});
