import Papa from 'papaparse';
import type { CsvCell } from '../../../src-shared/csv/csv-cell';
import type { CsvFormat } from '../../../src-shared/csv/csv-format';

/**
 * Reads an encoded file back with papaparse, as a spreadsheet would: checks the BOM is there
 * exactly when the format says, that every row ends with the line end, and that the parser
 * found nothing malformed; answers the fields of each row.
 */
export function readBack(text: string, format: CsvFormat): string[][] {
  if (text.startsWith('\uFEFF') !== format.bom) {
    throw new Error(`BOM ${format.bom ? 'missing' : 'unexpected'} at the start of the file`);
  }
  const body = format.bom ? text.slice(1) : text;
  if (body === '') return [];
  if (!body.endsWith(format.lineEnd)) throw new Error('the last row does not end with the line end');
  const parsed = Papa.parse<string[]>(body, { delimiter: format.delimiter, newline: format.lineEnd, quoteChar: '"' });
  if (parsed.errors.length > 0) throw new Error(`papaparse: ${parsed.errors.map((error) => error.message).join('; ')}`);
  // Every row ends with a line end, so the parser sees one empty row after the last.
  const last = parsed.data.pop();
  if (last?.length !== 1 || last[0] !== '') throw new Error('expected an empty row after the last line end');
  return parsed.data;
}

/** The guard rule, written out independently of the encoder: text starting = + - @ tab CR. */
export function guarded(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** What a spreadsheet reads for a text cell: the text, with `'` in front when guarded. */
export function readAsText(text: string): string {
  return guarded(text) ? `'${text}` : text;
}

/** Whether a parsed field is what `cell` should read back as (amounts checked by `checkAmount`). */
export function expectedText(cell: Exclude<CsvCell, { kind: 'amount' }>): string {
  switch (cell.kind) {
    case 'text':
      return readAsText(cell.value);
    case 'date':
      return cell.value;
    case 'integer':
      return String(cell.value);
    case 'empty':
      return '';
  }
}
