/**
 * Confirma's data endpoints under /api/v1/partner. Query parameters the docs leave unnamed are
 * the sandbox's choice, documented in its README: cases take caseId, invoiceNumber, page and
 * pageSize (no page parameters = every case, X-Total-Count always set); distribution takes
 * invoiceNumber, fromInvDate, toInvDate (default: the 30 days up to the dataset's today) and
 * fetchType (ALL, SUCCESSFUL, FAILED).
 */
import { isIsoDate } from '../../src-shared/dates/iso-date';
import { addDays, DATASET_TODAY } from '../data/calendar';
import { confirmaCase, confirmaDistributionRow, confirmaPendingAllocations, confirmaSettlements, type ConfirmaDistributionRow } from '../data/confirma-view';
import type { SandboxDataset } from '../data/dataset';
import type { SandboxInvoice } from '../data/invoices';
import { json, type Reply } from '../http/reply';
import type { RequestContext, Route } from '../http/router';
import { simpleJsonError } from '../http/simple-json-error';
import { validateJsonBody } from '../http/validate-body';
import type { ConfirmaState } from './confirma-state';
import { createInvoiceBody, invoiceActionBody } from './confirma-write-schemas';

export const CONFIRMA_PREFIX = '/api/v1/partner';

/** Reads optional YYYY-MM-DD query parameters, or answers 400 naming the bad one. */
function dateParams(context: RequestContext, names: readonly string[], respond: (dates: Record<string, string | null>) => Reply): Reply {
  const dates: Record<string, string | null> = {};
  for (const name of names) {
    const value = context.query.get(name);
    if (value && !isIsoDate(value)) return simpleJsonError(400, `${name} must be a date YYYY-MM-DD, got '${value}'`);
    dates[name] = value || null;
  }
  return respond(dates);
}

function pageParams(context: RequestContext): { page: number; pageSize: number } | null | 'invalid' {
  const page = context.query.get('page');
  const pageSize = context.query.get('pageSize');
  if (page === null && pageSize === null) return null;
  const p = Number(page ?? '1');
  const size = Number(pageSize ?? '50');
  if (!Number.isInteger(p) || p < 1 || !Number.isInteger(size) || size < 1 || size > 500) return 'invalid';
  return { page: p, pageSize: size };
}

export function confirmaRoutes(dataset: SandboxDataset, state: ConfirmaState): Route[] {
  const caseOf = (invoice: SandboxInvoice): Record<string, unknown> => confirmaCase(invoice, { actions: state.actionsOf(invoice.collection?.caseId ?? 0), notes: [] });

  const cases: Route['handle'] = (context) => {
    const caseId = context.query.get('caseId');
    const invoiceNumber = context.query.get('invoiceNumber');
    if (caseId !== null || invoiceNumber !== null) {
      const invoice = caseId !== null ? (/^\d+$/.test(caseId) ? state.caseInvoice(Number(caseId)) : null) : state.caseInvoiceByNumber(invoiceNumber ?? '');
      if (!invoice || (invoiceNumber !== null && invoice.number !== invoiceNumber)) return simpleJsonError(404, 'Case not found');
      return json(200, { cases: [caseOf(invoice)] }, { 'x-total-count': '1' });
    }
    const paging = pageParams(context);
    if (paging === 'invalid') return simpleJsonError(400, 'page must be 1 or more and pageSize from 1 to 500');
    const indices = dataset.index().collection;
    const from = paging ? (paging.page - 1) * paging.pageSize : 0;
    const to = paging ? Math.min(indices.length, from + paging.pageSize) : indices.length;
    const page: Record<string, unknown>[] = [];
    for (let n = from; n < to; n += 1) page.push(caseOf(dataset.invoiceAt(indices[n] ?? 0)));
    return json(200, { cases: page }, { 'x-total-count': String(indices.length) });
  };

  const distribution: Route['handle'] = (context) =>
    dateParams(context, ['fromInvDate', 'toInvDate'], (dates) => {
      const fetchType = (context.query.get('fetchType') ?? 'ALL').toUpperCase();
      if (!['ALL', 'SUCCESSFUL', 'FAILED'].includes(fetchType)) return simpleJsonError(400, `fetchType must be ALL, SUCCESSFUL or FAILED, got '${fetchType}'`);
      const invoiceNumber = context.query.get('invoiceNumber');
      const fromInvDate = dates.fromInvDate ?? addDays(DATASET_TODAY, -30);
      const toInvDate = dates.toInvDate ?? DATASET_TODAY;
      const all: ConfirmaDistributionRow[] = [...Array.from(dataset.index().collection, (index) => confirmaDistributionRow(dataset.invoiceAt(index))), ...state.createdInvoices];
      const inRange = all.filter((row) => (invoiceNumber ? row.invoiceNumber === invoiceNumber : row.invoiceDate >= fromInvDate && row.invoiceDate <= toInvDate));
      const successfulCount = inRange.filter((row) => row.status !== 'FAILED').length;
      const rows = inRange.filter((row) => fetchType === 'ALL' || (fetchType === 'FAILED') === (row.status === 'FAILED'));
      return json(200, {
        metaData: {
          totalCount: inRange.length,
          successfulCount,
          failedCount: inRange.length - successfulCount,
          filtersApplied: { invoiceNumber, fromInvDate: invoiceNumber ? null : fromInvDate, toInvDate: invoiceNumber ? null : toInvDate, fetchType },
        },
        invoices: rows,
      });
    });

  const payments: Route['handle'] = (context) =>
    dateParams(context, ['fromDate', 'toDate'], (dates) => json(200, { payments: confirmaPendingAllocations(dataset, dates.fromDate ?? null, dates.toDate ?? null) }));

  const settlements: Route['handle'] = (context) => {
    const unfetchedOnly = (context.query.get('unfetchedOnly') ?? '').toLowerCase() === 'true';
    const all = confirmaSettlements(dataset);
    const chosen = unfetchedOnly ? all.filter((settlement) => !state.fetchedSettlements.has(settlement.settlementId)) : all;
    // Only the unfetched view marks settlements fetched: that is the incremental feed clients poll.
    if (unfetchedOnly) for (const settlement of chosen) state.fetchedSettlements.add(settlement.settlementId);
    return json(200, { createdAt: new Date().toISOString(), settlements: chosen });
  };

  const createInvoice: Route['handle'] = (context) => {
    const result = validateJsonBody(createInvoiceBody, context.bodyText);
    if (!result.ok) return simpleJsonError(400, 'Validation failed', result.issues);
    const header = result.value.invoice.header;
    const exists = state.caseInvoiceByNumber(header.number) !== null || state.createdInvoices.some((row) => row.invoiceNumber === header.number);
    if (exists) return simpleJsonError(409, `Invoice ${header.number} already exists`);
    state.createdInvoices.push({
      invoiceNumber: header.number,
      caseId: null,
      invoiceDate: header.date,
      dueDate: header.dueDate,
      status: 'DISTRIBUTED',
      method: 'EINVOICE',
      channel: 'FINVOICE',
      distributedAt: new Date().toISOString(),
      paymentControlEnabled: true,
      information: 'Vastaanotettu',
    });
    return json(201, { invoiceNumber: header.number, status: 'RECEIVED' });
  };

  const invoiceAction: Route['handle'] = (context) => {
    const result = validateJsonBody(invoiceActionBody, context.bodyText);
    if (!result.ok) return simpleJsonError(400, 'Validation failed', result.issues);
    const targets: { caseId: number; action: { code: string; comment: string } }[] = [];
    for (const [n, action] of result.value.actions.entries()) {
      const { caseId, invoiceNumber } = action.data;
      const invoice = caseId !== null && caseId !== undefined ? state.caseInvoice(Number(caseId)) : state.caseInvoiceByNumber(invoiceNumber ?? '');
      if (!invoice?.collection) return simpleJsonError(404, `actions.${n}: no case for ${caseId !== null && caseId !== undefined ? `caseId ${caseId}` : `invoiceNumber ${invoiceNumber}`}`);
      targets.push({ caseId: invoice.collection.caseId, action: { code: action.code, comment: action.comment ?? '' } });
    }
    // All or nothing: one unknown case rejects the batch before any action is queued.
    const occurredAt = new Date().toISOString();
    for (const { caseId, action } of targets) state.addAction(caseId, { type: action.code, status: 0, comment: action.comment, occurredAt });
    return json(202, { accepted: targets.length });
  };

  return [
    { method: 'GET', pattern: `${CONFIRMA_PREFIX}/invoice/case`, handle: cases },
    { method: 'GET', pattern: `${CONFIRMA_PREFIX}/invoice/distribution`, handle: distribution },
    { method: 'GET', pattern: `${CONFIRMA_PREFIX}/payments`, handle: payments },
    { method: 'GET', pattern: `${CONFIRMA_PREFIX}/settlements`, handle: settlements },
    { method: 'POST', pattern: `${CONFIRMA_PREFIX}/invoice`, handle: createInvoice },
    { method: 'POST', pattern: `${CONFIRMA_PREFIX}/invoice/action`, handle: invoiceAction },
  ];
}
