import type { CaseNow, CloseInput, CommentInput, DisputeInput, FinanceInput, FinancingNow, InvoiceNow, PaymentInput, PostponeInput, PurchaseInput, PurchaseTerms } from '../../src-shared/rpc/actions-methods';

type Without<T> = Omit<T, 'connectionId'>;

/** The writes a provider's client offers (and the fresh reads they are checked against). */
export interface ApticWrites {
  readonly provider: 'aptic';
  readInvoice(invoiceRef: string): Promise<InvoiceNow>;
  dispute(input: Without<DisputeInput>): Promise<void>;
  postpone(input: Without<PostponeInput>): Promise<void>;
  registerPayment(input: Without<PaymentInput>): Promise<{ paymentRef: string | null }>;
  readPurchaseTerms(invoiceRef: string, currency: string): Promise<PurchaseTerms>;
  purchase(input: Without<PurchaseInput>): Promise<void>;
  close(input: Without<CloseInput>): Promise<void>;
}

export interface ConfirmaWrites {
  readonly provider: 'confirma';
  readCase(caseRef: string): Promise<CaseNow>;
  comment(input: Without<CommentInput>): Promise<void>;
}

export interface VettigWrites {
  readonly provider: 'vettig';
  readFinancing(invoiceNumber: string): Promise<FinancingNow>;
  finance(input: Without<FinanceInput>): Promise<void>;
}

export type ProviderWrites = ApticWrites | ConfirmaWrites | VettigWrites;
