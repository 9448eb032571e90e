/**
 * Flowtly's resources: the dataset's issued invoices (ids 1..scale) are generated on demand;
 * drafts, created invoices, their rows and added transactions live in small arrays after them,
 * numbered on from the generated ones. Changed generated invoices are kept whole by id.
 */
import type { SandboxDataset } from '../data/dataset';
import { ownerOf } from '../data/dataset';
import { flowtlyDraft, flowtlyDraftCount, flowtlyInvoice, flowtlyRowAt, flowtlyTransactionAt, type FlowtlyInvoice, type FlowtlyInvoiceRow, type FlowtlyInvoiceTransaction } from '../data/flowtly-view';
import { FIRST_INVOICE_NUMBER } from '../data/invoices';

export interface FlowtlyState {
  invoiceCount(): number;
  invoiceAt(position: number): FlowtlyInvoice;
  invoiceById(id: number): FlowtlyInvoice | null;
  drafts(): FlowtlyInvoice[];
  saveInvoice(invoice: FlowtlyInvoice): void;
  addInvoice(build: (id: number, firstRowId: number) => { invoice: FlowtlyInvoice; rows: FlowtlyInvoiceRow[] }): FlowtlyInvoice;
  rowCount(): number;
  rowAt(position: number): FlowtlyInvoiceRow;
  transactionCount(): number;
  transactionAt(position: number): FlowtlyInvoiceTransaction;
  addTransaction(build: (id: number) => FlowtlyInvoiceTransaction): FlowtlyInvoiceTransaction;
  /** The invoice number a draft gets when it is sent. */
  nextInvoiceNumber(): string;
}

export function createFlowtlyState(dataset: SandboxDataset): FlowtlyState {
  const changed = new Map<number, FlowtlyInvoice>();
  const extraInvoices: FlowtlyInvoice[] = [];
  const extraRows: FlowtlyInvoiceRow[] = [];
  const extraTransactions: FlowtlyInvoiceTransaction[] = [];
  let sent = 0;
  let draftsLoaded = false;
  const baseRows = (): number => dataset.index().rowOffsets[dataset.scale] ?? 0;
  const basePayments = (): number => dataset.index().paymentOffsets[dataset.scale] ?? 0;
  // Generated drafts are materialised on first use: a handful of records, and ids must be stable.
  const ensureDrafts = (): void => {
    if (draftsLoaded) return;
    draftsLoaded = true;
    for (let k = 0; k < flowtlyDraftCount(dataset.scale); k += 1) {
      const { invoice, rows } = flowtlyDraft(dataset, k);
      extraInvoices.push(invoice);
      extraRows.push(...rows);
    }
  };
  const fromList = <T>(list: readonly T[], position: number, what: string): T => {
    const item = list[position];
    if (item === undefined) throw new RangeError(`no ${what} at ${position}`);
    return item;
  };

  const state: FlowtlyState = {
    invoiceCount() {
      ensureDrafts();
      return dataset.scale + extraInvoices.length;
    },
    invoiceAt(position) {
      ensureDrafts();
      const id = position + 1;
      if (position < dataset.scale) return changed.get(id) ?? flowtlyInvoice(dataset, position);
      return fromList(extraInvoices, position - dataset.scale, 'invoice');
    },
    invoiceById(id) {
      if (!Number.isInteger(id) || id < 1 || id > state.invoiceCount()) return null;
      return state.invoiceAt(id - 1);
    },
    drafts() {
      ensureDrafts();
      return extraInvoices.filter((invoice) => invoice.status === 'draft');
    },
    saveInvoice(invoice) {
      if (invoice.id <= dataset.scale) changed.set(invoice.id, invoice);
      else extraInvoices[invoice.id - dataset.scale - 1] = invoice;
    },
    addInvoice(build) {
      ensureDrafts();
      const id = dataset.scale + extraInvoices.length + 1;
      const { invoice, rows } = build(id, baseRows() + extraRows.length + 1);
      extraInvoices.push(invoice);
      extraRows.push(...rows);
      return invoice;
    },
    rowCount() {
      ensureDrafts();
      return baseRows() + extraRows.length;
    },
    rowAt(position) {
      ensureDrafts();
      if (position >= baseRows()) return fromList(extraRows, position - baseRows(), 'row');
      const { invoiceIndex, within } = ownerOf(dataset.index().rowOffsets, position);
      return flowtlyRowAt(dataset, invoiceIndex, within);
    },
    transactionCount: () => basePayments() + extraTransactions.length,
    transactionAt(position) {
      if (position >= basePayments()) return fromList(extraTransactions, position - basePayments(), 'transaction');
      const { invoiceIndex, within } = ownerOf(dataset.index().paymentOffsets, position);
      return flowtlyTransactionAt(dataset, invoiceIndex, within);
    },
    addTransaction(build) {
      const transaction = build(basePayments() + extraTransactions.length + 1);
      extraTransactions.push(transaction);
      return transaction;
    },
    nextInvoiceNumber() {
      sent += 1;
      return String(FIRST_INVOICE_NUMBER + dataset.scale + flowtlyDraftCount(dataset.scale) + sent);
    },
  };
  return state;
}
