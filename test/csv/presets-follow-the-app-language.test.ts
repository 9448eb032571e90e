import { describe, expect, it } from 'vitest';
import { csvCell, csvTextRow } from '../../src-shared/csv/csv-cell';
import { csvFormat, csvPresets, defaultCsvPreset, isCsvPresetId } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';

const sample = [csvTextRow(['Kund', 'Belopp']), [csvCell.text('Åkesson AB'), csvCell.amount(-15000, 'SEK')]];

describe('CSV presets', () => {
  it('Excel (Nordic/Dutch) is semicolons, decimal comma, a BOM and CRLF', () => {
    expect(csvPresets['excel-nordic']).toEqual({ delimiter: ';', decimalSeparator: ',', bom: true, lineEnd: '\r\n' });
    expect(encodeCsvToString(sample, csvFormat('excel-nordic'))).toBe('\uFEFFKund;Belopp\r\nÅkesson AB;-150,00\r\n');
  });

  it('RFC 4180 is commas, decimal point, no BOM and CRLF', () => {
    expect(csvPresets.rfc4180).toEqual({ delimiter: ',', decimalSeparator: '.', bom: false, lineEnd: '\r\n' });
    expect(encodeCsvToString(sample, csvFormat('rfc4180'))).toBe('Kund,Belopp\r\nÅkesson AB,-150.00\r\n');
  });

  it('lets the user override any part and keeps the rest of the preset', () => {
    expect(csvFormat('excel-nordic', { bom: false })).toEqual({ delimiter: ';', decimalSeparator: ',', bom: false, lineEnd: '\r\n' });
    expect(csvFormat('rfc4180', { delimiter: '\t', lineEnd: '\n' })).toEqual({
      delimiter: '\t',
      decimalSeparator: '.',
      bom: false,
      lineEnd: '\n',
    });
    expect(csvFormat('rfc4180', { delimiter: undefined })).toEqual(csvPresets.rfc4180);
  });

  it('does not let an override change the preset itself', () => {
    csvFormat('excel-nordic', { delimiter: ',' }).delimiter = '|';
    expect(csvPresets['excel-nordic'].delimiter).toBe(';');
  });

  it.each([
    ['en', 'rfc4180'],
    ['en-GB', 'rfc4180'],
    ['EN_us', 'rfc4180'],
    ['sv', 'excel-nordic'],
    ['sv-SE', 'excel-nordic'],
    ['nl', 'excel-nordic'],
    ['fi', 'excel-nordic'],
    ['de', 'excel-nordic'],
  ])('defaults to the preset for app language %s: %s', (language, preset) => {
    expect(defaultCsvPreset(language)).toBe(preset);
  });

  it('recognises preset ids, e.g. a remembered choice read back from storage', () => {
    expect(isCsvPresetId('excel-nordic')).toBe(true);
    expect(isCsvPresetId('rfc4180')).toBe(true);
    expect(isCsvPresetId('excel')).toBe(false);
  });
});
