/**
 * Every version of the cache's schema, oldest first. Never edit a published version: add the
 * next one (with an upgrade function if existing rows need a new field) so a user's cache
 * survives the update. Only fields the views filter, sort or delete by are indexed; every
 * index costs time on each synced record.
 */
import type { Transaction } from 'dexie';
import type { Invoice } from '../../src-shared/domain/records';
import { columnsOf } from './invoice-columns';

export interface SchemaVersion {
  version: number;
  /** A table's indexes; null deletes the table (after the version's upgrade has read it). */
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // [connectionId+stream]: a connection's records (removal) and one stream's (full resync).
      invoices: 'id, [connectionId+stream], number, [dueDate+id]',
      events: 'id, [connectionId+stream], invoiceNumber, [date+id]',
      cases: 'id, [connectionId+stream]',
      syncState: '[connectionId+stream], connectionId',
    },
  },
  {
    version: 2,
    stores: {
      // Statements list events of one type for a period (e.g. charges of a month).
      events: 'id, [connectionId+stream], invoiceNumber, [date+id], [type+date]',
      // An invoice's history finds its collection case by invoice number.
      cases: 'id, [connectionId+stream], *invoiceNumbers',
    },
    upgrade: async (transaction) => {
      await transaction
        .table('cases')
        .toCollection()
        .modify((row: { invoices?: { invoiceNumber: string }[]; invoiceNumbers?: string[] }) => {
          row.invoiceNumbers = caseInvoiceNumbers(row);
        });
    },
  },
  {
    version: 3,
    stores: {
      // Records a provider sent that could not be read: counted and listed per connection,
      // replaced per stream when that stream walks again.
      quarantine: '++seq, [connectionId+stream]',
    },
  },
  {
    version: 4,
    stores: {
      // Actions the user took, stored before they are sent (src-renderer/outbox): listed by
      // state (the sender, the Dashboard's count) and shown on the record they act on.
      outbox: 'id, state, targetId, createdAt',
    },
  },
  {
    version: 5,
    stores: {
      // Invoices a page at a time (db/invoice-chunks.ts): per-invoice records and their indexes
      // made a sync of 100,000 invoices take ~13 s of writing against ~0.7 s for chunks.
      invoices: null,
      invoiceChunks: '++seq, [connectionId+stream+generation]',
      invoiceDirectory: 'seq',
    },
    upgrade: async (transaction) => {
      await chunkInvoiceRecords(transaction);
    },
  },
  {
    version: 6,
    stores: {
      // Beside each chunk, what the invoice list needs of its invoices as columns
      // (db/invoice-columns.ts): a load reads these instead of every invoice with its raw fields.
      invoiceColumns: 'seq',
    },
    upgrade: async (transaction) => {
      await addInvoiceColumns(transaction);
    },
  },
  {
    version: 7,
    stores: {
      // Per committed page, the invoices whose detail events were kept without being written
      // again (sync/kept-details.ts): the walk's sweep spares them. Empty until the next sync.
      keptDetails: '++seq, [connectionId+stream+generation]',
    },
  },
  {
    version: 8,
    stores: {
      // The kept-details rows now name every invoice of a page with the list hash its events were
      // read at, and live until the next sweep; beside each, its invoices' event ids. A walk reads
      // these instead of every cached event (sync/kept-details.ts).
      keptDetails: '++seq, [connectionId+stream+generation]',
      keptDetailEvents: 'seq',
    },
    upgrade: async (transaction) => {
      await recordHeldDetails(transaction);
    },
  },
  {
    version: 10,
    stores: {
      // Per chunk, the page it was committed from and the walk that last saw it (db/invoice-chunks.ts,
      // `InvoicePageRow`): an unchanged page moves its chunk into a new walk by this small row alone.
      // Empty after the upgrade: a chunk without one is as old as its own generation.
      invoicePages: 'seq, [connectionId+stream]',
    },
  },
  {
    version: 11,
    stores: {
      // The stamp every write to the lists' tables renews (db/cache-stamp.ts), and what a start
      // shows before the cache is read, kept with the stamp it was worked out at (db/first-screen.ts).
      // Both start empty: an upgraded cache shows its first screen from the first load on.
      cacheStamp: 'id',
      firstScreen: 'id',
    },
  },
];

/** Events read per request by the v8 migration, and invoices per row it writes. */
const eventsPerMigrationRead = 2_000;
const invoicesPerKeptRow = 1_000;

/**
 * v7 → v8: the rows of kept details from the events themselves, for each stream whose events
 * carry a list hash (the streams whose details are kept by it): per walk (generation) its events
 * by invoice, oldest walk first; then, for a walk killed midway, the invoices its pages had kept
 * (the v7 rows, which named only those), as kept in that walk, so its resumed sweep spares them.
 */
async function recordHeldDetails(transaction: Transaction): Promise<void> {
  type Event = { id: string; connectionId: string; stream: string; generation: number; invoiceId: string | null; listHash?: string };
  type Entry = { eventIds: string[]; listHash: string };
  const walks = new Map<string, Map<number, Map<string, Entry>>>();
  const hashed = new Set<string>();
  const events = transaction.table<Event, string>('events');
  for (let after: string | null = null; ; ) {
    const read: Event[] = await (after === null ? events.orderBy(':id') : events.where(':id').above(after)).limit(eventsPerMigrationRead).toArray();
    for (const { id, connectionId, stream, generation, invoiceId, listHash } of read) {
      const key = JSON.stringify([connectionId, stream]);
      if (listHash !== undefined) hashed.add(key);
      const byWalk = walks.get(key) ?? new Map<number, Map<string, Entry>>();
      walks.set(key, byWalk);
      const byInvoice = byWalk.get(generation) ?? new Map<string, Entry>();
      byWalk.set(generation, byInvoice);
      const entry = byInvoice.get(invoiceId ?? '');
      if (!entry) byInvoice.set(invoiceId ?? '', { eventIds: [id], listHash: invoiceId === null ? '' : (listHash ?? '') });
      else {
        entry.eventIds.push(id);
        if (entry.listHash !== listHash) entry.listHash = '';
      }
    }
    if (read.length < eventsPerMigrationRead) break;
    after = read[read.length - 1]!.id;
  }
  const keptBefore = await transaction.table<{ connectionId: string; stream: string; generation: number; invoiceIds: string[] }, number>('keptDetails').toArray();
  await transaction.table('keptDetails').clear();
  const put = async (connectionId: string, stream: string, generation: number, entries: ReadonlyArray<readonly [string, Entry]>, kept: boolean) => {
    for (let at = 0; at < entries.length; at += invoicesPerKeptRow) {
      const part = entries.slice(at, at + invoicesPerKeptRow);
      const row = { connectionId, stream, generation, invoiceIds: part.map(([id]) => id), listHashes: part.map(([, e]) => e.listHash), kept: part.map(() => kept) };
      const seq = (await transaction.table('keptDetails').add(row)) as number;
      await transaction.table('keptDetailEvents').add({ seq, eventIds: part.map(([, e]) => e.eventIds) });
    }
  };
  for (const key of hashed) {
    const [connectionId, stream] = JSON.parse(key) as [string, string];
    const byWalk = walks.get(key)!;
    for (const generation of [...byWalk.keys()].sort((a, b) => a - b)) await put(connectionId, stream, generation, [...byWalk.get(generation)!], false);
    for (const { generation, invoiceIds } of keptBefore.filter((row) => row.connectionId === connectionId && row.stream === stream)) {
      const entries = invoiceIds.flatMap((invoiceId) => {
        const all = [...byWalk.values()].flatMap((byInvoice) => {
          const entry = byInvoice.get(invoiceId);
          return entry ? [entry] : [];
        });
        if (all.length === 0) return [];
        const hashes = new Set(all.map((entry) => entry.listHash));
        return [[invoiceId, { eventIds: all.flatMap((entry) => entry.eventIds), listHash: hashes.size === 1 ? all[0]!.listHash : '' }] as const];
      });
      await put(connectionId, stream, generation, entries, true);
    }
  }
}

/** How many chunks the v6 migration reads at a time: a few MB, never the whole cache. */
const chunksPerMigrationRead = 20;

/** v5 → v6: every chunk gets its columns row; each chunk is read once, a few at a time. */
async function addInvoiceColumns(transaction: Transaction): Promise<void> {
  const chunks = transaction.table<{ seq: number; invoices: Invoice[] }, number>('invoiceChunks');
  let after = -Infinity;
  for (;;) {
    const read = await chunks.where(':id').above(after).limit(chunksPerMigrationRead).toArray();
    await transaction.table('invoiceColumns').bulkPut(read.map((chunk) => columnsOf(chunk.seq, chunk.invoices)));
    if (read.length < chunksPerMigrationRead) return;
    after = read[read.length - 1]!.seq;
  }
}

/** Chunk size of the v5 migration: as many as one sync page holds. */
const migratedChunkSize = 1_000;

/**
 * v3 → v5: every invoice record moves into chunks, grouped by connection, stream and generation
 * (a sweep deletes by those), in id order. Reads the old table a chunk at a time.
 */
async function chunkInvoiceRecords(transaction: Transaction): Promise<void> {
  type Stored = Invoice & { stream: string; generation: number };
  const groups = new Map<string, Stored[]>();
  const flush = async (group: Stored[]) => {
    const { connectionId, stream, generation } = group[0]!;
    const invoices = group.map(({ stream: _stream, generation: _generation, ...invoice }) => invoice);
    const seq = (await transaction.table('invoiceChunks').add({ connectionId, stream, generation, invoices })) as number;
    await transaction.table('invoiceDirectory').add({ seq, connectionId, ids: invoices.map((i) => i.id), numbers: invoices.map((i) => i.number) });
  };
  let after: string | null = null;
  for (;;) {
    const old = transaction.table<Stored, string>('invoices');
    const rows: Stored[] = await (after === null ? old.orderBy(':id') : old.where(':id').above(after)).limit(migratedChunkSize).toArray();
    for (const row of rows) {
      const key = JSON.stringify([row.connectionId, row.stream, row.generation]);
      const group = groups.get(key) ?? [];
      groups.set(key, group);
      group.push(row);
      if (group.length === migratedChunkSize) {
        await flush(group);
        groups.delete(key);
      }
    }
    if (rows.length < migratedChunkSize) break;
    after = rows[rows.length - 1]!.id;
  }
  for (const group of groups.values()) await flush(group);
}

/** The numbers of a case's invoices, as the v2 index `*invoiceNumbers` holds them. */
export function caseInvoiceNumbers(row: { invoices?: readonly { invoiceNumber: string }[] }): string[] {
  return [...new Set((row.invoices ?? []).map((invoice) => invoice.invoiceNumber))];
}
