import { formatMinorUnits } from '../../../src-shared/money/money';
import type { LedgerEvent } from '../../../src-shared/domain/records';
import { RpcError } from '../../../src-shared/rpc/rpc-error';
import type { FinancingNow } from '../../../src-shared/rpc/actions-methods';
import type { ProviderHttp } from '../provider-http';
import type { VettigWrites } from '../provider-writes';

interface VettigFinancing {
  organisationNumber: string;
  currency: string;
  /** The connection's whole events ledger (Vettig has no per-invoice read). */
  events: () => Promise<{ records: LedgerEvent[] }>;
}

/**
 * Vettig's `POST /v2/factoring/finance` and the fresh read it is checked against: the events
 * ledger, where a financed invoice shows as an InvoiceFactoring event. Vettig states no currency
 * and no fee before financing; see src-main/providers/README.md (Vettig finance).
 */
export function vettigWrites(http: ProviderHttp, vettig: VettigFinancing): VettigWrites {
  const number = (minor: number) => Number(formatMinorUnits(minor, vettig.currency));
  return {
    provider: 'vettig',
    async readFinancing(invoiceNumber): Promise<FinancingNow> {
      const { records } = await vettig.events();
      const financedNumbers = new Set(records.filter((event) => event.type === 'financed').map((event) => event.invoiceNumber));
      const sum = (type: LedgerEvent['type']) => records.filter((event) => event.type === type && event.invoiceNumber !== null).reduce((total, event) => total + event.amount, 0);
      return {
        invoiceNumber,
        currency: vettig.currency,
        financed: financedNumbers.has(invoiceNumber),
        history: { invoices: financedNumbers.size, financed: sum('financed'), charges: sum('charge') },
      };
    },
    async finance({ invoiceNumber, invoiceDate, dueDate, currency, lines, debtor }) {
      if (currency !== vettig.currency) {
        throw new RpcError('invalid_input', `Vettig reads this connection's amounts as ${vettig.currency}; invoice ${invoiceNumber} is in ${currency}.`, { provider: 'vettig' });
      }
      const body = {
        invoiceType: 'Invoice',
        organizationNumber: vettig.organisationNumber,
        invoiceNumber,
        invoiceDate,
        dueDate,
        // One row per VAT rate: the ledger knows the invoice's net and VAT per rate, not its articles.
        invoiceItems: lines.map((line) => {
          const percent = line.rate / 100;
          return {
            description: `Sales at ${String(percent)} % VAT`,
            quantity: 1,
            unitPrice: number(line.net),
            vatPercentage: percent,
            totalVat: number(line.vat),
            totalExclVat: number(line.net),
            total: number(line.net + line.vat),
          };
        }),
        debtor: { name: debtor.name },
      };
      await http.send('post', 'v2/factoring/finance', body, () => undefined);
    },
  };
}
