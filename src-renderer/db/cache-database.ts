import Dexie, { type Table } from 'dexie';
import type { SyncStream } from '../../src-shared/domain/provider';
import type { Case, Invoice, LedgerEvent, QuarantinedRecord } from '../../src-shared/domain/records';
import type { RpcErrorBody } from '../../src-shared/rpc/rpc-error';
import type { InvoiceChunk, InvoiceDirectoryRow, InvoicePageRow } from './invoice-chunks';
import type { InvoiceColumns } from './invoice-columns';
import { cacheStampMiddleware, type CacheStampRow } from './cache-stamp';
import type { FirstScreenRow } from './first-screen';
import type { OutboxAction } from '../outbox/outbox-action';
import type { KeptDetailEventsRow, KeptDetailsRow } from '../sync/kept-details';
import { schemaVersions, type SchemaVersion } from './schema-versions';

/** Where a cached record came from: the stream that wrote it and the walk (generation) that last saw it. */
export interface SyncOrigin {
  stream: SyncStream;
  generation: number;
}

export type CachedInvoice = Invoice & SyncOrigin;
export type CachedEvent = LedgerEvent & SyncOrigin;
/** Cases cached before `debtor` existed lack it until their next sync: read it through `debtorOf`. */
export type CachedCase = Omit<Case, 'debtor'> & Partial<Pick<Case, 'debtor'>> & SyncOrigin & { invoiceNumbers: string[] };

/** A record of a stream that could not be read, as the sync page reported it. */
export type CachedQuarantine = QuarantinedRecord & { seq?: number; connectionId: string; stream: SyncStream };

/**
 * Per connection and stream: where the sync stands. Written when a walk opens and in the same
 * transaction as each page; a commit writes only while this row still names its walk.
 */
export interface SyncState {
  connectionId: string;
  stream: SyncStream;
  /** Cursor of the next page to fetch; null when no walk is in progress. */
  cursor: string | null;
  /** The walk in progress (or last finished); it only ever increases. Each record keeps the one that last saw it. */
  generation: number;
  /**
   * The walk in progress ends by deleting the stream's records of older generations: a full
   * resync, or any walk from the start of a stream that lists everything (src-shared/domain/stream-listing).
   */
  sweep: boolean;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /**
   * Why the last attempt failed: the RPC error's code and details, so it is shown translated like
   * a live error. Rows written before held main's English text; those are shown as they are.
   */
  lastError: RpcErrorBody | string | null;
}

export const cacheDatabaseName = 'reskontra-cache';

export class CacheDatabase extends Dexie {
  /** Invoices a page at a time: read and write them through db/invoice-chunks.ts. */
  invoiceChunks!: Table<InvoiceChunk, number>;
  invoiceDirectory!: Table<InvoiceDirectoryRow, number>;
  invoiceColumns!: Table<InvoiceColumns, number>;
  invoicePages!: Table<InvoicePageRow, number>;
  events!: Table<CachedEvent, string>;
  keptDetails!: Table<KeptDetailsRow, number>;
  keptDetailEvents!: Table<KeptDetailEventsRow, number>;
  cases!: Table<CachedCase, string>;
  syncState!: Table<SyncState, [string, string]>;
  quarantine!: Table<CachedQuarantine, number>;
  outbox!: Table<OutboxAction, string>;
  /** A new value with every write to the tables the lists are read from (db/cache-stamp.ts). */
  cacheStamp!: Table<CacheStampRow, number>;
  firstScreen!: Table<FirstScreenRow, number>;

  constructor(name = cacheDatabaseName, versions: readonly SchemaVersion[] = schemaVersions, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(cacheStampMiddleware);
  }
}

let shared: CacheDatabase | null = null;

/** The app's one cache; opened on first use. */
export function cacheDatabase(): CacheDatabase {
  shared ??= new CacheDatabase();
  return shared;
}
