import { z } from 'zod';
import { formatMinorUnits } from '../../../src-shared/money/money';
import { parseMinorUnits } from '../../../src-shared/money/parse-amount';
import { RpcError } from '../../../src-shared/rpc/rpc-error';
import type { InvoiceNow, PurchaseTerms } from '../../../src-shared/rpc/actions-methods';
import { validatePage, type ProviderHttp } from '../provider-http';
import type { ApticWrites } from '../provider-writes';
import { normalizeApticInvoice } from './normalize';
import { apticInvoiceListSchema, apticListItemSchema } from './schema';

const paymentAnswer = z.looseObject({ paymentGuid: z.string().nullish() }).nullable();

/**
 * `GET …/Purchase?initialValues=true` answers `{values, options}`; the reference does not expand
 * `values`. Reskontra looks there for the fee under the names the Purchase request uses and
 * takes nothing else from it: a missing or unreadable fee is "not known".
 */
const purchaseValues = z.looseObject({
  values: z.looseObject({ purchaseFeeAmount: z.unknown(), purchaseFeePercentage: z.unknown(), purchaseFeeCurrency: z.unknown() }).nullish(),
});

/** Aptic's `status` bits for an invoice that is no longer owed (paid, credited). */
const settledStatuses = new Set(['paid', 'credited', 'closed', 'written-off']);

/**
 * Aptic's invoice actions (`POST /v1/Invoices/{guid}/Dispute|Postpone|Payment|Close|Purchase`, success 204 or
 * 200) and the one-invoice read they are checked against: the list filtered to the guid, since
 * the list item carries what the detail lacks (remaining principal, `disputed`).
 */
export function apticWrites(http: ProviderHttp, connectionId: string): ApticWrites {
  const invoicePath = (guid: string, action: string) => `v1/Invoices/${encodeURIComponent(guid)}/${action}`;
  const ignoreBody = () => undefined;
  return {
    provider: 'aptic',
    async readInvoice(invoiceRef) {
      const filter = `invoiceGuid eq '${invoiceRef.replaceAll("'", "''")}'`;
      return http.getJson(
        'v1/Invoices',
        (body): InvoiceNow => {
          const list = validatePage(apticInvoiceListSchema, body, `invoice ${invoiceRef}`);
          const item = list.value[0];
          if (item === undefined) throw new RpcError('not_found', `Aptic has no invoice ${invoiceRef}.`, { provider: 'aptic' });
          const read = validatePage(apticListItemSchema, item, `invoice ${invoiceRef}`);
          const invoice = normalizeApticInvoice(connectionId, read);
          const remaining = parseMinorUnits(read.remainingPrincipal ?? read.remainingSum, read.currencyCode, { record: `Aptic invoice ${read.invoiceNumber}`, field: 'remainingPrincipal' });
          return {
            invoiceRef: read.invoiceGuid,
            number: read.invoiceNumber,
            currency: read.currencyCode,
            dueDate: invoice.dueDate,
            remaining,
            disputed: read.disputed === true,
            open: remaining > 0 && !settledStatuses.has(invoice.status),
            financing: invoice.financing,
            purchasable: typeof read.purchasable === 'number' ? read.purchasable : null,
          };
        },
        { $filter: filter, $top: 1 },
      );
    },
    async dispute({ invoiceRef, disputed, reason }) {
      await http.send('post', invoicePath(invoiceRef, 'Dispute'), { isDisputed: disputed, reason }, ignoreBody);
    },
    async postpone({ invoiceRef, newDueDate }) {
      await http.send('post', invoicePath(invoiceRef, 'Postpone'), { newDueDate: `${newDueDate}T00:00:00Z` }, ignoreBody);
    },
    async readPurchaseTerms(invoiceRef, currency): Promise<PurchaseTerms> {
      return http.getJson(
        invoicePath(invoiceRef, 'Purchase'),
        (body) => {
          const values = purchaseValues.safeParse(body).data?.values;
          const feeCurrency = typeof values?.purchaseFeeCurrency === 'string' ? values.purchaseFeeCurrency : currency;
          const amount = values?.purchaseFeeAmount;
          const feeAmount = feeCurrency === currency && (typeof amount === 'number' || typeof amount === 'string') ? minorOrNull(String(amount), currency) : null;
          const percentage = values?.purchaseFeePercentage;
          return { invoiceRef, currency, feeAmount, feePercentage: typeof percentage === 'number' && Number.isFinite(percentage) ? percentage : null };
        },
        { initialValues: 'true' },
      );
    },
    async purchase({ invoiceRef, recourseDays, note }) {
      // The fee is left out on purpose: "will be calculated if omitted" (Aptic's reference).
      await http.send('post', invoicePath(invoiceRef, 'Purchase'), { approved: true, recourseDays, note }, ignoreBody);
    },
    async close({ invoiceRef, closureCode, note }) {
      await http.send('post', invoicePath(invoiceRef, 'Close'), { closureCode, note }, ignoreBody);
    },
    async registerPayment({ invoiceRef, amount, currency, paymentDate, reference }) {
      const body = {
        paymentDate: `${paymentDate}T00:00:00Z`,
        // Aptic takes a JSON number in major units: written from the exact minor units.
        paymentAmount: Number(formatMinorUnits(amount, currency)),
        currencyCode: currency,
        paymentReference: reference,
        source: 'Reskontra',
      };
      const answer = await http.send('post', invoicePath(invoiceRef, 'Payment'), body, (read) => paymentAnswer.safeParse(read));
      return { paymentRef: answer.success ? (answer.data?.paymentGuid ?? null) : null };
    },
  };
}

function minorOrNull(amount: string, currency: string): number | null {
  try {
    return parseMinorUnits(amount, currency, { record: 'Aptic purchase terms', field: 'purchaseFeeAmount' });
  } catch {
    return null;
  }
}
