import { describe, expect, it } from 'vitest';
import { csvTable, type CsvColumn } from '../../src-shared/csv/csv-columns';
import { csvFormat, type CsvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvChunks, encodeTableChunks } from '../../src-shared/csv/encode-csv';

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
const names = ['=SUM(A1)', '+46 8 123', '-minus', '@at', '\tTab', '\rCR', 'Müller; "Export" GmbH', 'a,b', 'a|b', 'line\nbreak', '\uFEFFbom', 'Åkesson 😀', '', null];
const lines: Line[] = Array.from({ length: 2_000 }, (_, i) => ({
  number: i % 7 === 0 ? `=${i}` : String(10_000 + i),
  name: names[i % names.length]!,
  status: i % 3 === 0 ? 'Förfallen' : 'Open, "paid"',
  date: i % 5 === 0 ? null : `2024-02-${String((i % 29) + 1).padStart(2, '0')}`,
  minor: i % 11 === 0 ? null : (i - 1_000) * 137,
  currency: i % 4 === 0 ? 'JPY' : i % 4 === 1 ? 'EUR' : 'SEK',
  count: i % 13 === 0 ? null : i - 500,
}));

const formats: CsvFormat[] = [
  csvFormat('excel-nordic'),
  csvFormat('rfc4180'),
  csvFormat('excel-nordic', { delimiter: ',', bom: false, lineEnd: '\n' }),
  csvFormat('rfc4180', { delimiter: '\t' }),
  csvFormat('rfc4180', { delimiter: '|', decimalSeparator: ',' }),
];

describe('a table written straight from its columns', () => {
  it.each(formats)('is the same text, chunked the same, as its rows of cells through the encoder (%o)', (format) => {
    const direct = [...encodeTableChunks(columns, lines, format, { chunkLength: 4096 })];
    const throughCells = [...encodeCsvChunks(csvTable(columns, lines), format, { chunkLength: 4096 })];
    expect(direct.length).toBeGreaterThan(5);
    expect(direct).toEqual(throughCells);
  });

  it('names the same row and column when a value cannot be written', () => {
    const bad = [...lines.slice(0, 3), { ...lines[3]!, date: '2025-02-29' }];
    const format = csvFormat('rfc4180');
    const message = (write: () => unknown) => {
      try {
        write();
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    const direct = message(() => [...encodeTableChunks(columns, bad, format)]);
    expect(direct).toBe('Row 5, column 4: "2025-02-29" is not a date (YYYY-MM-DD).');
    expect(message(() => [...encodeCsvChunks(csvTable(columns, bad), format)])).toBe(direct);
  });
});
