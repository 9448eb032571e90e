import Dexie, { type Table } from 'dexie';
import type { SyncStream } from '../../src-shared/domain/provider';
import type { Case, Invoice, LedgerEvent } from '../../src-shared/domain/records';
import { schemaVersions, type SchemaVersion } from './schema-versions';

/** Where a cached record came from: the stream that wrote it and the walk (generation) that last saw it. */
export interface SyncOrigin {
  stream: SyncStream;
  generation: number;
}

export type CachedInvoice = Invoice & SyncOrigin;
export type CachedEvent = LedgerEvent & SyncOrigin;
export type CachedCase = Case & SyncOrigin & { invoiceNumbers: string[] };

/** Per connection and stream: where the sync stands. Written in the same transaction as the records. */
export interface SyncState {
  connectionId: string;
  stream: SyncStream;
  /** Cursor of the next page to fetch; null when no walk is in progress. */
  cursor: string | null;
  /** Increases with every full resync; records with an older generation are deleted when it completes. */
  generation: number;
  /** A full resync is in progress (resumed after a restart, then the leftovers are deleted). */
  fullResync: boolean;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
}

export const cacheDatabaseName = 'reskontra-cache';

export class CacheDatabase extends Dexie {
  invoices!: Table<CachedInvoice, string>;
  events!: Table<CachedEvent, string>;
  cases!: Table<CachedCase, string>;
  syncState!: Table<SyncState, [string, string]>;

  constructor(name = cacheDatabaseName, versions: readonly SchemaVersion[] = schemaVersions, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

let shared: CacheDatabase | null = null;

/** The app's one cache; opened on first use. */
export function cacheDatabase(): CacheDatabase {
  shared ??= new CacheDatabase();
  return shared;
}
