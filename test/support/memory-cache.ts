import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CacheDatabase } from '../../src-renderer/db/cache-database';
import { schemaVersions, type SchemaVersion } from '../../src-renderer/db/schema-versions';

/** A cache on fake-indexeddb, for unit tests of queries and writes; each call is a fresh world. */
export function memoryCache(versions: readonly SchemaVersion[] = schemaVersions, factory = new IDBFactory()) {
  return { db: new CacheDatabase('test-cache', versions, { indexedDB: factory, IDBKeyRange }), factory };
}
