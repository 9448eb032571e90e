/**
 * Aptic's write endpoints. Each validates its body (400 problem details naming the fields),
 * checks the invoice may take the action (409 otherwise), and records the change so later
 * reads show it. Success without a documented body is 204 No Content.
 */
import type { z } from 'zod';
import { addDays, DATASET_TODAY } from '../data/calendar';
import { APTIC_RECOURSE_FEE_MINOR, apticListItem, apticRemainingPrincipal, FINANCE_STATUS, type ApticInvoiceFacts } from '../data/aptic-view';
import { factoringFor } from '../data/invoices';
import { minorToNumber } from '../data/money-format';
import { json, noContent, type Reply } from '../http/reply';
import type { RequestContext, Route } from '../http/router';
import { describeIssues, validateJsonBody } from '../http/validate-body';
import { toMinor } from '../http/zod-fields';
import type { ApticState } from './aptic-state';
import { withInvoice } from './aptic-read-routes';
import { closeBody, createInvoicesBody, deprecateBody, disputeBody, patchInvoiceBody, paymentBody, postponeBody, purchaseBody, recourseBody } from './aptic-write-schemas';
import { problem } from './problem-details';
import { randomUUID } from 'node:crypto';

function withBody<S extends z.ZodType>(schema: S, context: RequestContext, respond: (body: z.infer<S>) => Reply | Promise<Reply>): Reply | Promise<Reply> {
  const result = validateJsonBody(schema, context.bodyText);
  if (!result.ok) return problem(400, 'One or more validation errors occurred.', describeIssues(result.issues), context.path, result.issues);
  return respond(result.value);
}

function conflict(context: RequestContext, detail: string): Reply {
  return problem(409, 'Conflict', detail, context.path);
}

/** An invoice action: find the invoice, validate the body, then apply or refuse. */
function action<S extends z.ZodType>(state: ApticState, pattern: string, schema: S, apply: (facts: ApticInvoiceFacts, body: z.infer<S>, context: RequestContext) => Reply): Route {
  return {
    method: 'POST',
    pattern,
    handle: (context) => withInvoice(state, context, (facts) => withBody(schema, context, (body) => apply(facts, body, context))),
  };
}

function isPurchased(facts: ApticInvoiceFacts): boolean {
  return facts.financeStatus >= FINANCE_STATUS.purchasedWithoutRecourse && facts.financeStatus <= FINANCE_STATUS.recoursed;
}

export function apticWriteRoutes(state: ApticState): Route[] {
  return [
    {
      method: 'PUT',
      pattern: '/v1/Invoices',
      handle: (context) =>
        withBody(createInvoicesBody, context, (invoices) => {
          const guids = invoices.map((input) => {
            const issueDate = input.invoiceDate ?? DATASET_TODAY;
            const currency = input.currencyCode === 'EUR' ? 'EUR' : 'SEK';
            const lines = input.debts.map((debt) => {
              const totalMinor = toMinor(debt.amount);
              const vatMinor = debt.vatAmount ? toMinor(debt.vatAmount) : 0;
              return { description: debt.description ?? 'Debt', unit: 'st', quantity: debt.quantity ?? 1, unitPriceMinor: totalMinor - vatMinor, vatRateBasisPoints: 0, netMinor: totalMinor - vatMinor, vatMinor };
            });
            const facts = state.create((index, guid) => ({
              index,
              guid,
              number: input.referenceNumber ?? `W${index + 1}`,
              customer: {
                number: input.customer.customerNumber ?? `K-new-${index}`,
                name: input.customer.name,
                organisationNumber: input.customer.organizationNumber ?? '',
                country: input.customer.countryCode === 'NL' || input.customer.countryCode === 'FI' ? input.customer.countryCode : 'SE',
                email: input.customer.email ?? '',
                city: input.customer.city ?? '',
              },
              currency,
              issueDate,
              dueDate: input.dueDate ?? addDays(issueDate, 30),
              registrationDate: DATASET_TODAY,
              lines,
              totalMinor: lines.reduce((sum, line) => sum + line.netMinor + line.vatMinor, 0),
              creditedMinor: 0,
              payments: [],
              financeStatus: FINANCE_STATUS.ownLedger,
              purchase: null,
              disputed: false,
              disputeReason: null,
              closed: false,
              collection: null,
            }));
            return facts.guid;
          });
          return json(200, { invoiceGuids: guids, impStockId: state.size() });
        }),
    },
    {
      method: 'PATCH',
      pattern: '/v1/Invoices/:guid',
      handle: (context) =>
        withInvoice(state, context, (facts) =>
          withBody(patchInvoiceBody, context, (patch) => {
            if (patch.dueDate) state.replace({ ...facts, dueDate: patch.dueDate });
            return noContent();
          }),
        ),
    },
    action(state, '/v1/Invoices/:guid/Dispute', disputeBody, (facts, body) => {
      const disputed = body.isDisputed ?? true;
      state.replace({ ...facts, disputed, disputeReason: disputed ? (body.reason ?? null) : null });
      return noContent();
    }),
    action(state, '/v1/Invoices/:guid/Postpone', postponeBody, (facts, body, context) => {
      if (body.newDueDate <= facts.dueDate) return problem(400, 'Bad Request', `newDueDate ${body.newDueDate} is not after the current due date ${facts.dueDate}`, context.path);
      state.replace({ ...facts, dueDate: body.newDueDate });
      return noContent();
    }),
    action(state, '/v1/Invoices/:guid/Purchase', purchaseBody, (facts, body, context) => {
      if (isPurchased(facts)) return conflict(context, 'The invoice is already purchased');
      if (apticRemainingPrincipal(facts) === 0 || facts.closed) return conflict(context, 'Only an invoice with a remaining principal can be purchased');
      if (body.purchaseFeeCurrency && body.purchaseFeeCurrency !== facts.currency) return problem(400, 'Bad Request', `purchaseFeeCurrency ${body.purchaseFeeCurrency} differs from the invoice's ${facts.currency}`, context.path);
      if (body.approved === false) return noContent();
      const withRecourse = (body.recourseDays ?? 0) > 0;
      // "Purchase fee (will be calculated if omitted)": from the percentage if given, else the sandbox's price list.
      const standard = factoringFor('aptic', facts.totalMinor, DATASET_TODAY, withRecourse);
      const feeMinor =
        body.purchaseFeeAmount != null
          ? toMinor(body.purchaseFeeAmount)
          : body.purchaseFeePercentage != null
            ? Math.round((facts.totalMinor * body.purchaseFeePercentage) / 100)
            : standard.handlingFeeMinor + standard.financingFeeMinor;
      const purchase = { date: DATASET_TODAY, feeMinor, recourseDate: null, recourseFeeMinor: 0, recoursePaymentDate: null };
      state.replace({ ...facts, financeStatus: withRecourse ? FINANCE_STATUS.purchasedWithRecourse : FINANCE_STATUS.purchasedWithoutRecourse, purchase });
      return noContent();
    }),
    action(state, '/v1/Invoices/:guid/Recourse', recourseBody, (facts, body, context) => {
      if (facts.financeStatus !== FINANCE_STATUS.purchasedWithRecourse || !facts.purchase) return conflict(context, 'Only an invoice purchased with recourse can be recoursed');
      if (body.recourseFeeCurrency && body.recourseFeeCurrency !== facts.currency) return problem(400, 'Bad Request', `recourseFeeCurrency ${body.recourseFeeCurrency} differs from the invoice's ${facts.currency}`, context.path);
      const recourseFeeMinor = body.recourseFee != null ? toMinor(body.recourseFee) : APTIC_RECOURSE_FEE_MINOR[facts.currency];
      state.replace({ ...facts, financeStatus: FINANCE_STATUS.recoursed, purchase: { ...facts.purchase, recourseDate: DATASET_TODAY, recourseFeeMinor } });
      return noContent();
    }),
    action(state, '/v1/Invoices/:guid/Payment', paymentBody, (facts, body, context) => {
      if (body.currencyCode && body.currencyCode !== facts.currency) return problem(400, 'Bad Request', `currencyCode ${body.currencyCode} differs from the invoice's ${facts.currency}`, context.path);
      const amountMinor = toMinor(body.paymentAmount);
      if (amountMinor > apticRemainingPrincipal(facts)) return conflict(context, `paymentAmount ${body.paymentAmount} exceeds the remaining principal ${minorToNumber(apticRemainingPrincipal(facts))}`);
      const payment = { guid: randomUUID(), date: body.paymentDate, amountMinor, reference: body.paymentReference ?? null };
      state.replace({ ...facts, payments: [...facts.payments, payment] });
      return json(200, {
        paymentGuid: payment.guid,
        paymentReference: payment.reference,
        paymentDate: `${body.paymentDate}T00:00:00Z`,
        accountingDate: `${body.accountingDate ?? body.paymentDate}T00:00:00Z`,
        paymentAmount: body.paymentAmount,
        currencyCode: facts.currency,
        receivedAmount: body.receivedAmount ?? body.paymentAmount,
        exchangeDate: body.exchangeDate ? `${body.exchangeDate}T00:00:00Z` : null,
        source: body.source ?? null,
      });
    }),
    action(state, '/v1/Invoices/:guid/Close', closeBody, (facts, _body, context) => {
      if (facts.closed) return conflict(context, 'The invoice is already closed');
      state.replace({ ...facts, closed: true });
      return noContent();
    }),
    action(state, '/v1/Invoices/:guid/Deprecate', deprecateBody, (facts, body) => {
      // A write-off closes the ledger entry; a reservation only books a provision, invisible here.
      if (body.deprecationLevel === 'WriteOff') state.replace({ ...facts, closed: true });
      return noContent();
    }),
    {
      method: 'GET',
      pattern: '/v1/Invoices/:guid/Purchase',
      handle: (context) =>
        withInvoice(state, context, (facts) => {
          const item = apticListItem(facts);
          return json(200, { values: { purchased: item.purchased, financeStatus: facts.financeStatus, purchaseDate: facts.purchase?.date ?? null, purchasable: item.purchasable }, options: {} });
        }),
    },
    {
      method: 'GET',
      pattern: '/v1/Invoices/:guid/Recourse',
      handle: (context) =>
        withInvoice(state, context, (facts) =>
          json(200, { values: { recoursed: facts.financeStatus === FINANCE_STATUS.recoursed, recourseDate: facts.purchase?.recourseDate ?? null, financeStatus: facts.financeStatus }, options: {} }),
        ),
    },
  ];
}
