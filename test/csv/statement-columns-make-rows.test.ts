import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src-shared/csv/csv-cell';
import { csvTable, type CsvColumn } from '../../src-shared/csv/csv-columns';
import { csvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';

interface Charge {
  date: string;
  text: string | null;
  net: number;
  vat: number;
  currency: string;
}

const columns: CsvColumn<Charge>[] = [
  { header: 'Datum', cell: (charge) => csvCell.date(charge.date) },
  { header: 'Text', cell: (charge) => csvCell.text(charge.text) },
  { header: 'Netto', cell: (charge) => csvCell.amount(charge.net, charge.currency) },
  { header: 'Moms', cell: (charge) => csvCell.amount(charge.vat, charge.currency) },
];

describe('statement columns', () => {
  it('give a header row, then one row per record, each cell of its column kind', () => {
    const charges: Charge[] = [
      { date: '2025-01-15', text: 'Avgift, faktura 10425', net: 720, vat: 180, currency: 'SEK' },
      { date: '2025-01-31', text: null, net: -720, vat: -180, currency: 'SEK' },
    ];
    expect(encodeCsvToString(csvTable(columns, charges), csvFormat('excel-nordic', { bom: false }))).toBe(
      'Datum;Text;Netto;Moms\r\n2025-01-15;Avgift, faktura 10425;7,20;1,80\r\n2025-01-31;;-7,20;-1,80\r\n',
    );
  });
});
