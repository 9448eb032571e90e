import { defineStore } from 'pinia';
import { ref } from 'vue';
import { calendarToday } from '../../src-shared/dates/today';
import type { Connection } from '../../src-shared/domain/connection';
import { cacheDatabase } from '../db/cache-database';
import { snapshotsAround } from '../freshness/cache-snapshot';
import { readFreshness, writeFreshness, type FreshnessSettings } from '../freshness/freshness-settings';
import { addUnread, whatChanged, type Change } from '../freshness/what-changed';
import { useInvoiceIndexStore } from './invoice-index';
import { useSyncStore } from './sync';

const unreadKey = 'reskontra.unreadChanges';
const welcomedKey = 'reskontra.welcomed';

function readUnread(storage: Storage): Change[] {
  try {
    const list: unknown = JSON.parse(storage.getItem(unreadKey) ?? '[]');
    // Written only by this app; anything else (an older layout, a hand edit) starts the list afresh.
    return Array.isArray(list) && list.every((item) => typeof item === 'object' && item !== null && 'kind' in item && 'key' in item) ? (list as Change[]) : [];
  } catch {
    return [];
  }
}

/**
 * Keeping the cache fresh: syncs every connection at start and on the user's schedule, one round
 * at a time, and keeps what those syncs changed until the user has looked ("since you last looked").
 */
export const useFreshnessStore = defineStore('freshness', () => {
  const sync = useSyncStore();
  const index = useInvoiceIndexStore();
  const storage = window.localStorage;
  const settings = ref<FreshnessSettings>(readFreshness(storage));
  const unread = ref<Change[]>(readUnread(storage));
  /** The user chose how to begin (the welcome's buttons); until then nothing syncs by itself. */
  const welcomed = ref(storage.getItem(welcomedKey) === 'yes');
  const syncing = ref(false);
  const listeners: ((changes: Change[]) => void)[] = [];
  let round: Promise<Change[]> | null = null;

  function save(next: FreshnessSettings): void {
    settings.value = next;
    writeFreshness(storage, next);
  }

  function markWelcomed(): void {
    welcomed.value = true;
    storage.setItem(welcomedKey, 'yes');
  }

  function failing(connections: readonly Connection[]): Map<string, string> {
    return new Map(connections.filter((c) => sync.of(c.id).phase === 'error' || sync.of(c.id).lastError !== null).map((c) => [c.id, c.label]));
  }

  /**
   * Syncs every connection and records what changed. A round already running is joined, not
   * repeated: the schedule, the start and a button pressed at the same moment make one round.
   */
  function syncAll(connections: readonly Connection[], options: { full?: boolean } = {}): Promise<Change[]> {
    round ??= (async () => {
      syncing.value = true;
      try {
        const db = cacheDatabase();
        await sync.loadHistory(connections);
        // The sync starts as soon as the read has begun, not when it ends: see beginSnapshot.
        // After the sync, a ledger the Invoices store holds is loaded again by it (its watch of
        // `revision`): the news wait for that load rather than read the same cache beside it.
        const inputs = async (after: boolean) => {
          if (after && index.ready) await index.load();
          return { today: calendarToday(), failing: failing(connections), held: index.heldLedger() };
        };
        const { before, after } = await snapshotsAround(db, inputs, () => sync.syncAll(connections, options));
        const changes = whatChanged(before, after).filter((change) => settings.value.kinds[change.kind]);
        if (changes.length > 0) {
          unread.value = addUnread(unread.value, changes);
          storage.setItem(unreadKey, JSON.stringify(unread.value));
          for (const listener of listeners) listener(changes);
        }
        return changes;
      } finally {
        syncing.value = false;
        round = null;
      }
    })();
    return round;
  }

  function onChanges(listener: (changes: Change[]) => void): void {
    listeners.push(listener);
  }

  function markRead(): void {
    unread.value = [];
    storage.removeItem(unreadKey);
  }

  return { settings, unread, welcomed, syncing, save, markWelcomed, syncAll, onChanges, markRead };
});
