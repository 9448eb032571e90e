import { describe, expect, it } from 'vitest';
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
  { header: 'Datum', kind: 'date', value: (charge) => charge.date },
  { header: 'Text', kind: 'text', value: (charge) => charge.text },
  { header: 'Netto', kind: 'amount', minor: (charge) => charge.net, currency: (charge) => charge.currency },
  { header: 'Moms', kind: 'amount', minor: (charge) => charge.vat, currency: (charge) => charge.currency },
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
