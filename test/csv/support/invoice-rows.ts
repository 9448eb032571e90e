import { csvCell, csvTextRow, type CsvCell, type CsvRow } from '../../../src-shared/csv/csv-cell';

const names = ['Åkesson & Söner AB', 'Bakkerij van Dijk', 'Järvinen Oy', 'Müller; "Export" GmbH', 'IJsselmeer Vis B.V.', 'Öberg Bygg'];
const statuses = ['open', 'paid', 'overdue', 'in-collection'];
const financing = ['own-ledger', 'factored', 'factored-with-recourse'];

export const invoiceHeader: CsvRow = csvTextRow([
  'Number', 'Customer', 'Customer number', 'Issue date', 'Due date', 'Currency', 'Total', 'Paid', 'Outstanding', 'Status', 'Financing',
]);

/** Row `i` of a deterministic invoice list, shaped like the Invoices screen's export. */
export function invoiceRow(i: number): CsvCell[] {
  const total = 10_000 + ((i * 7919) % 5_000_000);
  const paid = i % 3 === 0 ? total : i % 3 === 1 ? 0 : Math.floor(total / 2);
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  const currency = i % 5 === 0 ? 'EUR' : 'SEK';
  return [
    csvCell.text(String(10_000 + i)),
    csvCell.text(names[i % names.length] ?? ''),
    csvCell.text(`C-${i % 997}`),
    csvCell.date(`2025-${month}-${day}`),
    csvCell.date(`2025-${month}-28`),
    csvCell.text(currency),
    csvCell.amount(total, currency),
    csvCell.amount(paid, currency),
    csvCell.amount(total - paid, currency),
    csvCell.text(statuses[i % statuses.length] ?? ''),
    csvCell.text(financing[i % financing.length] ?? ''),
  ];
}

/** Header plus `count` invoice rows, made as they are read (like pages from the cache). */
export function* invoiceRows(count: number): Generator<CsvRow> {
  yield invoiceHeader;
  for (let i = 0; i < count; i++) yield invoiceRow(i);
}
