import type { CaseNow, CommentInput, DisputeInput, InvoiceNow, PaymentInput, PostponeInput } from '../../src-shared/rpc/actions-methods';

type Without<T> = Omit<T, 'connectionId'>;

/** The writes a provider's client offers (and the fresh reads they are checked against). */
export interface ApticWrites {
  readonly provider: 'aptic';
  readInvoice(invoiceRef: string): Promise<InvoiceNow>;
  dispute(input: Without<DisputeInput>): Promise<void>;
  postpone(input: Without<PostponeInput>): Promise<void>;
  registerPayment(input: Without<PaymentInput>): Promise<{ paymentRef: string | null }>;
}

export interface ConfirmaWrites {
  readonly provider: 'confirma';
  readCase(caseRef: string): Promise<CaseNow>;
  comment(input: Without<CommentInput>): Promise<void>;
}

export type ProviderWrites = ApticWrites | ConfirmaWrites;
