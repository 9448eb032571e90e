/** What Confirma's write endpoints and reads changed: queued actions per case, created invoices, fetched settlements. */
import type { ConfirmaAction } from '../data/confirma-view';
import type { ConfirmaDistributionRow } from '../data/confirma-view';
import type { SandboxDataset } from '../data/dataset';
import { FIRST_INVOICE_NUMBER, type SandboxInvoice } from '../data/invoices';

export interface ConfirmaState {
  /** The dataset invoice whose case this is, or null. */
  caseInvoice(caseId: number): SandboxInvoice | null;
  caseInvoiceByNumber(invoiceNumber: string): SandboxInvoice | null;
  actionsOf(caseId: number): ConfirmaAction[];
  addAction(caseId: number, action: ConfirmaAction): void;
  createdInvoices: ConfirmaDistributionRow[];
  fetchedSettlements: Set<string>;
}

export function createConfirmaState(dataset: SandboxDataset): ConfirmaState {
  const actions = new Map<number, ConfirmaAction[]>();
  const atIndex = (index: number): SandboxInvoice | null => {
    if (!Number.isInteger(index) || index < 0 || index >= dataset.scale) return null;
    const invoice = dataset.invoiceAt(index);
    return invoice.collection ? invoice : null;
  };
  return {
    // Case ids are 500,000 + invoice index (see collectionFor in data/invoices.ts).
    caseInvoice: (caseId) => atIndex(caseId - 500_000),
    caseInvoiceByNumber: (invoiceNumber) => (/^\d+$/.test(invoiceNumber) ? atIndex(Number(invoiceNumber) - FIRST_INVOICE_NUMBER) : null),
    actionsOf: (caseId) => actions.get(caseId) ?? [],
    addAction(caseId, action) {
      actions.set(caseId, [...(actions.get(caseId) ?? []), action]);
    },
    createdInvoices: [],
    fetchedSettlements: new Set(),
  };
}
