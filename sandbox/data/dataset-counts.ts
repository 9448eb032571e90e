/** How many records each provider serves for a dataset before any write: what a full sync must end with. */
import { confirmaSettlements } from './confirma-view';
import type { SandboxDataset } from './dataset';
import { FLOWTLY_PAYMENT_METHODS, flowtlyDraft, flowtlyDraftCount } from './flowtly-view';
import { vettigEventsV1, vettigEventsV2 } from './vettig-view';

export interface DatasetCounts {
  apticInvoices: number;
  flowtlyInvoices: number;
  flowtlyDrafts: number;
  flowtlyInvoiceRows: number;
  flowtlyInvoiceTransactions: number;
  flowtlyPaymentMethods: number;
  vettigEventsV2: number;
  vettigEventsV1: number;
  vettigFactoredInvoices: number;
  confirmaCases: number;
  confirmaSettlements: number;
}

export function datasetCounts(dataset: SandboxDataset): DatasetCounts {
  const index = dataset.index();
  const drafts = flowtlyDraftCount(dataset.scale);
  let draftRows = 0;
  for (let k = 0; k < drafts; k += 1) draftRows += flowtlyDraft(dataset, k).rows.length;
  return {
    apticInvoices: dataset.scale,
    flowtlyInvoices: dataset.scale + drafts,
    flowtlyDrafts: drafts,
    flowtlyInvoiceRows: (index.rowOffsets[dataset.scale] ?? 0) + draftRows,
    flowtlyInvoiceTransactions: index.paymentOffsets[dataset.scale] ?? 0,
    flowtlyPaymentMethods: FLOWTLY_PAYMENT_METHODS.length,
    vettigEventsV2: vettigEventsV2(dataset).length,
    vettigEventsV1: vettigEventsV1(dataset).length,
    vettigFactoredInvoices: index.factored.length,
    confirmaCases: index.collection.length,
    confirmaSettlements: confirmaSettlements(dataset).length,
  };
}
