import type { StatementRequest } from '../../../src-renderer/statements/build-statement';
import type { SyncedCache } from './synced-cache';

/** The seeded demo data the golden files are made from: every provider, 40 invoices. */
export const goldenData = { seed: 1, scale: 40 } as const;

/** The pairing a user most likely has: English with RFC 4180, Swedish with Excel (Nordic/Dutch). */
export const goldenPresets = [
  { preset: 'rfc4180', language: 'en' },
  { preset: 'excel-nordic', language: 'sv' },
] as const;

type Language = (typeof goldenPresets)[number]['language'];

/**
 * One request per golden file. Sorts and filters are chosen so the order never depends on
 * the random connection ids (ties in the invoice list fall back to the record id).
 */
export function goldenRequests(cache: SyncedCache, language: Language): Record<string, StatementRequest> {
  const today = '2025-06-30';
  const connectionLabels = cache.labels;
  return {
    invoices: { kind: 'invoices', filter: {}, sort: { column: 'provider', direction: 'asc' }, today, language, connectionLabels },
    'invoices-aptic-open-by-outstanding': {
      kind: 'invoices',
      filter: { connectionIds: [cache.byProvider('aptic').id], statuses: ['open', 'overdue', 'in-collection'] },
      sort: { column: 'outstanding', direction: 'desc' },
      today,
      language,
      connectionLabels,
    },
    factoring: { kind: 'factoring', connectionId: cache.byProvider('vettig').id, from: '2024-09-01', to: '2025-03-31', language, connectionLabels },
    'factoring-2025-01': { kind: 'factoring', connectionId: cache.byProvider('vettig').id, from: '2025-01-01', to: '2025-01-31', language, connectionLabels },
    'factoring-all': { kind: 'factoring', from: '2024-09-01', to: '2025-06-30', language, connectionLabels },
    collection: { kind: 'collection', connectionId: cache.byProvider('confirma').id, today, language },
    'invoice-history-10429': { kind: 'invoice-history', invoiceNumber: '10429', language, connectionLabels },
    'sales-vat-2025-01': { kind: 'sales-vat', from: '2025-01-01', to: '2025-01-31', language },
  };
}
