/**
 * Flowtly's write endpoints: create a draft invoice with rows, patch an invoice (JSON Merge
 * Patch), send it (a draft gets its number and becomes 'sent'), and register a transaction
 * (the invoice's amountPaid and status follow). Invalid bodies get a 422 ConstraintViolationList.
 */
import type { z } from 'zod';
import { decimalToMinor, minorToDecimalString } from '../data/money-format';
import { flowtlyRowIri, flowtlyTransaction, type FlowtlyInvoice, type FlowtlyInvoiceRow } from '../data/flowtly-view';
import type { Reply } from '../http/reply';
import type { RequestContext, Route } from '../http/router';
import { decodeJson } from '../http/request-body';
import { validateJsonBody } from '../http/validate-body';
import { toMinor } from '../http/zod-fields';
import type { FlowtlyState } from './flowtly-state';
import { flowtlyProblem, flowtlyViolations } from './flowtly-problem';
import { itemOr404 } from './flowtly-read-routes';
import { createInvoiceBody, createTransactionBody, patchInvoiceBody, sendInvoiceBody } from './flowtly-write-schemas';

function withBody<S extends z.ZodType>(schema: S, context: RequestContext, respond: (body: z.infer<S>) => Reply): Reply {
  // Malformed JSON is a 400 in API Platform; a well-formed body that breaks the rules is a 422.
  if (context.bodyText.trim() !== '' && !decodeJson(context.bodyText).ok) return flowtlyProblem(400, 'Syntax error: the request body is not valid JSON');
  const result = validateJsonBody(schema, context.bodyText.trim() === '' ? 'null' : context.bodyText);
  return result.ok ? respond(result.value) : flowtlyViolations(result.issues);
}

function invoiceOf(state: FlowtlyState, context: RequestContext): FlowtlyInvoice | null {
  const raw = context.params.id ?? '';
  return /^\d+$/.test(raw) ? state.invoiceById(Number(raw)) : null;
}

/** Status after payments: paid once the paid sum reaches the amount. */
function paymentStatus(invoice: FlowtlyInvoice, paidMinor: number): FlowtlyInvoice['status'] {
  if (invoice.status === 'credited') return 'credited';
  return paidMinor >= toMinor(invoice.amount) ? 'paid' : paidMinor > 0 ? 'partially_paid' : invoice.status;
}

export function flowtlyWriteRoutes(state: FlowtlyState): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/invoices',
      handle: (context) =>
        withBody(createInvoiceBody, context, (body) => {
          const invoice = state.addInvoice((id, firstRowId) => {
            const rows: FlowtlyInvoiceRow[] = body.invoiceRows.map((row, n) => ({
              '@id': flowtlyRowIri(firstRowId + n),
              '@type': 'InvoiceRow',
              id: firstRowId + n,
              invoice: `/invoices/${id}`,
              classificationNumber: row.classificationNumber ?? null,
              unit: row.unit ?? null,
              quantity: row.quantity,
              vatRate: row.vatRate,
              netPrice: minorToDecimalString(toMinor(row.netPrice)),
              netDiscountAmount: minorToDecimalString(row.netDiscountAmount ? toMinor(row.netDiscountAmount) : 0),
              productName: row.productName,
              project: null,
              parentInvoiceRow: null,
              invoiceChildrenRows: [],
            }));
            let netMinor = 0;
            let vatMinor = 0;
            for (const row of body.invoiceRows) {
              const rowNet = Math.round(row.quantity * toMinor(row.netPrice)) - (row.netDiscountAmount ? toMinor(row.netDiscountAmount) : 0);
              netMinor += rowNet;
              // "21" -> 2100 basis points: the percentage string parsed as if it were an amount.
              vatMinor += Math.round((rowNet * (decimalToMinor(row.vatRate) ?? 0)) / 10_000);
            }
            const created: FlowtlyInvoice = {
              '@id': `/invoices/${id}`,
              '@type': 'Invoice',
              id,
              name: `CONCEPT-${id}`,
              type: 'invoice',
              status: 'draft',
              parent: null,
              childrenInvoices: [],
              client: body.client,
              clientName: body.clientName ?? body.client,
              tinType: body.tinType ?? 'vat',
              tinCountry: body.tinCountry ?? '',
              tin: body.tin ?? '',
              bankAccount: body.bankAccount ?? '/bank-accounts/1',
              amountNet: minorToDecimalString(netMinor),
              amount: minorToDecimalString(netMinor + vatMinor),
              amountPaid: '0.00',
              currency: body.currency,
              conversionRate: '1',
              generatedPdfExternalId: null,
              issueDate: body.issueDate,
              saleDate: body.saleDate ?? body.issueDate,
              dueDate: body.dueDate,
              invoiceRows: rows.map((row) => row['@id']),
            };
            return { invoice: created, rows };
          });
          return itemOr404(invoice, context, 201);
        }),
    },
    {
      method: 'PATCH',
      pattern: '/invoices/:id',
      handle: (context) => {
        const invoice = invoiceOf(state, context);
        if (!invoice) return flowtlyProblem(404, `Not Found: ${context.path}`);
        if (!context.contentType.includes('application/merge-patch+json'))
          return flowtlyProblem(415, `The content-type "${context.contentType || '(none)'}" is not supported. Supported MIME types are "application/merge-patch+json".`);
        return withBody(patchInvoiceBody, context, (patch) => {
          const next: FlowtlyInvoice = { ...invoice, ...patch };
          if (next.dueDate < next.issueDate) return flowtlyViolations([{ path: 'dueDate', message: 'dueDate must not be before issueDate' }]);
          state.saveInvoice(next);
          return itemOr404(next, context);
        });
      },
    },
    {
      method: 'POST',
      pattern: '/invoices/:id/send',
      handle: (context) => {
        const invoice = invoiceOf(state, context);
        if (!invoice) return flowtlyProblem(404, `Not Found: ${context.path}`);
        return withBody(sendInvoiceBody, context, () => {
          // Sending a sent invoice again is a resend: it keeps its number and status.
          if (invoice.status !== 'draft') return itemOr404(invoice, context, 201);
          const number = state.nextInvoiceNumber();
          const sent: FlowtlyInvoice = { ...invoice, name: number, status: 'sent', generatedPdfExternalId: `pdf_${number}` };
          state.saveInvoice(sent);
          return itemOr404(sent, context, 201);
        });
      },
    },
    {
      method: 'POST',
      pattern: '/invoice-transactions',
      handle: (context) =>
        withBody(createTransactionBody, context, (body) => {
          const invoice = state.invoiceById(Number(body.invoice.split('/').pop()));
          if (!invoice) return flowtlyViolations([{ path: 'invoice', message: `Item not found for "${body.invoice}".` }]);
          if (invoice.status === 'draft') return flowtlyViolations([{ path: 'invoice', message: 'A draft invoice cannot be paid; send it first.' }]);
          const amountMinor = toMinor(body.amount);
          const transaction = state.addTransaction((id) => flowtlyTransaction(id, invoice.id, amountMinor, body.date));
          const paidMinor = toMinor(invoice.amountPaid) + amountMinor;
          state.saveInvoice({ ...invoice, amountPaid: minorToDecimalString(paidMinor), status: paymentStatus(invoice, paidMinor) });
          return itemOr404(transaction, context, 201);
        }),
    },
  ];
}
