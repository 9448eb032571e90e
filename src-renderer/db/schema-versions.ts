/**
 * Every version of the cache's schema, oldest first. Never edit a published version: add the
 * next one (with an upgrade function if existing rows need a new field) so a user's cache
 * survives the update. Only fields the views filter, sort or delete by are indexed; every
 * index costs time on each synced record.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // [connectionId+stream]: a connection's records (removal) and one stream's (full resync).
      invoices: 'id, [connectionId+stream], number, [dueDate+id]',
      events: 'id, [connectionId+stream], invoiceNumber, [date+id]',
      cases: 'id, [connectionId+stream]',
      syncState: '[connectionId+stream], connectionId',
    },
  },
  {
    version: 2,
    stores: {
      // Statements list events of one type for a period (e.g. charges of a month).
      events: 'id, [connectionId+stream], invoiceNumber, [date+id], [type+date]',
      // An invoice's history finds its collection case by invoice number.
      cases: 'id, [connectionId+stream], *invoiceNumbers',
    },
    upgrade: async (transaction) => {
      await transaction
        .table('cases')
        .toCollection()
        .modify((row: { invoices?: { invoiceNumber: string }[]; invoiceNumbers?: string[] }) => {
          row.invoiceNumbers = caseInvoiceNumbers(row);
        });
    },
  },
  {
    version: 3,
    stores: {
      // Records a provider sent that could not be read: counted and listed per connection,
      // replaced per stream when that stream walks again.
      quarantine: '++seq, [connectionId+stream]',
    },
  },
];

/** The numbers of a case's invoices, as the v2 index `*invoiceNumbers` holds them. */
export function caseInvoiceNumbers(row: { invoices?: readonly { invoiceNumber: string }[] }): string[] {
  return [...new Set((row.invoices ?? []).map((invoice) => invoice.invoiceNumber))];
}
