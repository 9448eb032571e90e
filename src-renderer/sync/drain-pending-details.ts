import type { SyncStream } from '../../src-shared/domain/provider';
import type { Invoice } from '../../src-shared/domain/records';
import type { CachedEvent, CachedQuarantine, CacheDatabase, SyncState } from '../db/cache-database';
import { connectionRows, drainPending, type DrainProgress, type PendingKind } from './drain-pending';
import { putDrainedDetails, sweepDetailEvents, type DrainedInvoice } from './kept-details';
import type { FetchDetails } from './page-details';
import { loadSyncState } from './sync-state';

/**
 * The details step of a stream of per-invoice detail events (Aptic's `invoice-details`): no list
 * of its own, but the invoices the list walk (`listStream`) found changed, marked there with the
 * request that reads their details (`detailsPending`, set by `withCachedDetails`). Each chunk's
 * answers are written with the chunk, cleared of its requests, in one transaction (`drainPending`),
 * so a stopped step resumes with what is left; each invoice's entry in a new kept-details row names
 * the hash its events were read at. An invoice an answer has an unreadable record of stays pending
 * (its record quarantined, the rest written), so every later sync asks again. The step ends by
 * dropping the events of invoices no longer listed and of older readings (`sweepDetailEvents`),
 * and records the stream's success.
 */
export async function drainPendingDetails(
  db: CacheDatabase,
  fetchDetails: FetchDetails,
  { connectionId, listStream, stream }: { connectionId: string; listStream: SyncStream; stream: SyncStream },
  { signal, onProgress, now }: { signal: AbortSignal; onProgress?: (progress: DrainProgress) => void; now: () => string },
): Promise<void> {
  const { generation } = await loadSyncState(db, connectionId, stream);
  const details: PendingKind = {
    field: 'detailsPending',
    listStream,
    detailStream: stream,
    tables: () => [db.events, db.keptDetails, db.keptDetailEvents, db.quarantine],
    // Every quarantined record of the stream is of an invoice still pending: this step asks again.
    begin: () => db.quarantine.where('[connectionId+stream]').equals([connectionId, stream]).delete().then(() => undefined),
    write: async (answered) => {
      const events: CachedEvent[] = [];
      const quarantined: CachedQuarantine[] = [];
      const drained: DrainedInvoice[] = [];
      const stored = answered.map(({ invoice, asked, answer }): Invoice => {
        const unreadable = answer.quarantined ?? [];
        // As a page of the stream carries them: the hash read at, unless a record did not read.
        const hash = unreadable.length > 0 || asked.listHash === undefined ? {} : { listHash: asked.listHash };
        const own = (answer.records ?? []).flatMap((record) => {
          if (record.connectionId !== connectionId) throw new Error(`A record for connection ${record.connectionId} arrived in a sync of ${connectionId}.`);
          return record.kind === 'ledger-event' ? [{ ...record, ...hash, stream, generation }] : [];
        });
        events.push(...own);
        quarantined.push(...unreadable.map((entry) => ({ ...entry, connectionId, stream })));
        drained.push({ invoiceId: invoice.id, listHash: unreadable.length > 0 ? '' : (asked.listHash ?? ''), eventIds: own.map((event) => event.id) });
        return unreadable.length > 0 ? invoice : withoutRequest(invoice);
      });
      await db.events.bulkPut(events);
      if (quarantined.length > 0) await db.quarantine.bulkAdd(quarantined);
      await putDrainedDetails(db, { connectionId, stream, generation }, drained);
      return stored;
    },
  };
  await drainPending(db, fetchDetails, details, connectionId, { signal, onProgress });
  await db.transaction('rw', [db.invoiceDirectory, db.events, db.keptDetails, db.keptDetailEvents, db.syncState], async () => {
    const listed = new Set((await connectionRows(db, connectionId)).flatMap((row) => row.ids));
    await sweepDetailEvents(db, connectionId, stream, listed);
    // A connection removed meanwhile gets no row.
    if (!(await db.syncState.get([connectionId, listStream]))) return;
    const state = await loadSyncState(db, connectionId, stream);
    const at = now();
    await db.syncState.put({ ...state, cursor: null, sweep: false, lastAttemptAt: at, lastSuccessAt: at, lastError: null } satisfies SyncState);
  });
}

function withoutRequest({ detailsPending: _request, ...invoice }: Invoice): Invoice {
  return invoice;
}
