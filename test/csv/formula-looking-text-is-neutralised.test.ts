import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, type CsvCell } from '../../src-shared/csv/csv-cell';
import { looksLikeFormula } from '../../src-shared/csv/csv-field';
import { csvFormat, csvPresetIds } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';
import { guarded, readBack } from './support/read-back';

const excel = csvFormat('excel-nordic', { bom: false });

function line(cells: CsvCell[]): string {
  return encodeCsvToString([cells], excel).slice(0, -2);
}

describe('the formula-injection guard', () => {
  it.each([
    ['=HYPERLINK("http://x";"y")', `"'=HYPERLINK(""http://x"";""y"")"`],
    ['+46 8 123 45', "'+46 8 123 45"],
    ['-150,00', "'-150,00"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('prefixes the text %j with a quote: %s', (text, written) => {
    expect(line([csvCell.text(text)])).toBe(written);
  });

  it('leaves text alone when the character is not first', () => {
    expect(line([csvCell.text('a=b'), csvCell.text(' =1'), csvCell.text("'=1"), csvCell.text('Nord-Syd AB')])).toBe(
      "a=b; =1;'=1;Nord-Syd AB",
    );
  });

  it('never touches amounts, integers or dates, so a negative stays a number', () => {
    expect(line([csvCell.amount(-15000, 'SEK'), csvCell.integer(-3), csvCell.date('2025-01-02')])).toBe('-150,00;-3;2025-01-02');
  });

  it('holds for any text in both presets: read back, it is the text with one quote in front exactly when it starts with = + - @ tab or CR', () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string({ maxLength: 8 })).map(([a, b]) => a + b));
    fc.assert(
      fc.property(text, fc.constantFrom(...csvPresetIds), (value, preset) => {
        const format = csvFormat(preset);
        const [[field]] = readBack(encodeCsvToString([[csvCell.text(value)]], format), format) as [[string]];
        expect(looksLikeFormula(value)).toBe(guarded(value));
        expect(field).toBe(guarded(value) ? `'${value}` : value);
      }),
      { numRuns: 500 },
    );
  });
});
