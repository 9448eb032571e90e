/**
 * The sandbox's generated data, for the servers and for tests that need exact expectations
 * without going through HTTP.
 *
 * Model
 * - `invoiceAt(seed, index)` is the whole truth about one invoice, a pure function: customer
 *   (Swedish, Dutch or Finnish), currency (SEK for SE customers, EUR otherwise), lines, net, VAT,
 *   total, state (open, partlyPaid, paid, overdue, credited, disputed, collection), direct payments,
 *   factoring by one factor, Vettig or Aptic, never both (fees, payout, recourse) and the Confirma
 *   collection case. All money is
 *   integer minor units; all dates YYYY-MM-DD, on or before DATASET_TODAY (the sandbox's clock: real today,
 *   or SANDBOX_TODAY; the tests pin 2025-06-30), the seed example's own dates excepted.
 * - Invoice 0 is always the Vettig seed page's invoice 10425 (1,000.00 SEK, factored 2025-01-31,
 *   recoursed 2025-03-15, recourse paid 2025-03-27); invoice i has number 10425 + i.
 * - `createDataset(seed, scale)` = invoices 0..scale-1 plus typed-array indexes (Vettig-factored
 *   and collection invoice indices, Flowtly row/transaction offsets) built in one pass on first use.
 *
 * Per-provider views (what each server serves, exactly)
 * - Aptic: every invoice, a purchase on those Aptic factored. `apticFactsFor` -> `apticListItem` / `apticDetail` /
 *   `apticFinancialDetails` / `apticTransactions`; GUIDs via `apticGuidFor` / `apticIndexOf`.
 * - Flowtly: invoice id = index + 1 (`flowtlyInvoice`), then `flowtlyDraftCount(scale)` drafts
 *   (`flowtlyDraft`); rows and transactions numbered globally (`flowtlyRowAt`,
 *   `flowtlyTransactionAt`, counts from `dataset.index().rowOffsets/paymentOffsets[scale]`).
 * - Vettig: events of the invoices Vettig factored, for SELLER.organisationNumber (`vettigEventsV2`,
 *   `vettigEventsV1`); invoice 10425's v2 events equal VETTIG_SEED_EVENTS.
 * - Confirma: one case per invoice in collection (`confirmaCase`), `confirmaSettlements`,
 *   `confirmaPendingAllocations`, `confirmaDistributionRow`.
 *
 * Counts: `datasetCounts(dataset)` = how many records each provider serves before any write
 * (Aptic invoices, Flowtly invoices/drafts/rows/transactions, Vettig events, Confirma cases and
 * settlements): what a complete sync must end with.
 *
 * Example: expected Aptic total of remaining principal, in minor units:
 *   const d = createDataset(7, 500);
 *   let sum = 0; for (let i = 0; i < d.scale; i++) sum += apticRemainingPrincipal(apticFactsFor(7, d.invoiceAt(i)));
 */
export { DATASET_TODAY, addDays, daysBetween } from './calendar';
export { customerAt, CUSTOMER_POOL_SIZE, type SandboxCustomer, type Currency, type CustomerCountry } from './customers';
export { datasetCounts, type DatasetCounts } from './dataset-counts';
export { createDataset, DEFAULT_SCALE, ownerOf, type SandboxDataset, type DatasetIndex } from './dataset';
export {
  invoiceAt, collectionBalance, splitFeeVat, SELLER, FIRST_INVOICE_NUMBER, VETTIG_HANDLING_FEE_MINOR, VETTIG_FINANCING_FEE_BASIS_POINTS,
  type SandboxInvoice, type InvoiceState, type InvoiceLine, type DirectPayment, type Factoring, type CollectionCase, type CollectionPayment,
} from './invoices';
export { minorToNumber, minorToDecimalString, decimalToMinor } from './money-format';
export { apticGuidFor, apticIndexOf } from './aptic-guid';
export {
  apticFactsFor, apticListItem, apticDetail, apticFinancialDetails, apticTransactions, apticTransactionSummary,
  apticPaidPrincipal, apticRemainingPrincipal, FINANCE_STATUS, STATUS_FLAG, APTIC_RECOURSE_FEE_MINOR,
  type ApticInvoiceFacts, type ApticPurchase, type ApticListItem, type ApticTransaction, type ApticPayment,
} from './aptic-view';
export {
  flowtlyInvoice, flowtlyDraft, flowtlyDraftCount, flowtlyRowAt, flowtlyTransactionAt, FLOWTLY_PAYMENT_METHODS,
  type FlowtlyInvoice, type FlowtlyInvoiceRow, type FlowtlyInvoiceTransaction, type FlowtlyPaymentMethod,
} from './flowtly-view';
export { vettigEventsV1, vettigEventsV2, VETTIG_SEED_EVENTS, type VettigEventV1, type VettigEventV2 } from './vettig-view';
export {
  confirmaCase, confirmaSettlements, confirmaPendingAllocations, confirmaDistributionRow,
  type ConfirmaAllocation, type ConfirmaSettlement, type ConfirmaDistributionRow,
} from './confirma-view';
