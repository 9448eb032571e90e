import { describe, expect, it } from 'vitest';
import { csvCell, type CsvCell } from '../../src-shared/csv/csv-cell';
import { CsvCellError } from '../../src-shared/csv/csv-field';
import { csvFormat, type CsvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';

const excel = csvFormat('excel-nordic', { bom: false });
const rfc = csvFormat('rfc4180');

function field(cell: CsvCell, format: CsvFormat): string {
  return encodeCsvToString([[cell]], format).slice(0, -format.lineEnd.length);
}

describe('amount cells', () => {
  it.each([
    [123456, 'SEK', '1234,56', '1234.56'],
    [123456789012, 'SEK', '1234567890,12', '1234567890.12'],
    [5, 'EUR', '0,05', '0.05'],
    [-15000, 'EUR', '-150,00', '-150.00'],
    [-5, 'SEK', '-0,05', '-0.05'],
    [0, 'SEK', '0,00', '0.00'],
    [1500, 'JPY', '1500', '1500'],
    [-1500, 'JPY', '-1500', '-1500'],
    [1234, 'KWD', '1,234', '1.234'],
  ])('%i minor units of %s are %s (Excel) and %s (RFC 4180): no thousands separator, no sign', (minor, currency, comma, point) => {
    expect(field(csvCell.amount(minor, currency), excel)).toBe(comma);
    expect(field(csvCell.amount(minor, currency), rfc)).toBe(point);
  });

  it('quotes an amount only when its decimal comma is also the delimiter', () => {
    expect(field(csvCell.amount(-15000, 'SEK'), csvFormat('excel-nordic', { delimiter: ',', bom: false }))).toBe('"-150,00"');
    expect(field(csvCell.amount(1500, 'JPY'), csvFormat('excel-nordic', { delimiter: ',', bom: false }))).toBe('1500');
  });

  it('rejects what is not exact money, naming the row and column', () => {
    const rows = [[csvCell.text('ok')], [csvCell.text('a'), csvCell.amount(12.5, 'SEK')]];
    expect(() => encodeCsvToString(rows, rfc)).toThrow(CsvCellError);
    expect(() => encodeCsvToString(rows, rfc)).toThrow('Row 2, column 2: 12.5 is not a whole number of minor units.');
    expect(() => encodeCsvToString([[csvCell.amount(1, 'kr')]], rfc)).toThrow('Row 1, column 1: "kr" is not an ISO 4217 currency code.');
    expect(() => encodeCsvToString([[csvCell.amount(2 ** 53, 'SEK')]], rfc)).toThrow(/not a whole number of minor units/);
  });
});

describe('date, integer and empty cells', () => {
  it('writes dates as YYYY-MM-DD and whole numbers bare, never guarded', () => {
    expect(field(csvCell.date('2025-01-31'), excel)).toBe('2025-01-31');
    expect(field(csvCell.date('2024-02-29'), excel)).toBe('2024-02-29');
    expect(field(csvCell.date('2000-02-29'), rfc)).toBe('2000-02-29');
    expect(field(csvCell.integer(-42), excel)).toBe('-42');
    expect(field(csvCell.integer(10425), rfc)).toBe('10425');
  });

  it('writes null as an empty field', () => {
    expect(encodeCsvToString([[csvCell.text(null), csvCell.amount(null, 'SEK'), csvCell.date(null), csvCell.integer(null)]], rfc)).toBe(
      ',,,\r\n',
    );
  });

  it.each(['2025-1-31', '2025-13-01', '2025-02-32', '2025-02-29', '1900-02-29', '2025-04-31', '31.01.2025', '2025-01-31T00:00:00Z', ''])('rejects the date "%s"', (value) => {
    expect(() => encodeCsvToString([[csvCell.date(value)]], rfc)).toThrow(/Row 1, column 1: .* is not a date \(YYYY-MM-DD\)\./);
  });

  it('rejects an integer that is not whole', () => {
    expect(() => encodeCsvToString([[csvCell.integer(1.5)]], rfc)).toThrow('Row 1, column 1: 1.5 is not a whole number.');
    expect(() => encodeCsvToString([[csvCell.integer(Number.NaN)]], rfc)).toThrow(/NaN is not a whole number/);
  });
});
