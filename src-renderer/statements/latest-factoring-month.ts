import Dexie from 'dexie';
import type { CacheDatabase } from '../db/cache-database';
import { factoringTypes } from '../queries/ledger-events';

/**
 * The month (YYYY-MM) of a connection's latest factoring event, the period a new statement
 * opens on; null when it has none. Walks each type's `[type+date]` index from the newest end,
 * stopping at the first event of the connection.
 */
export async function latestFactoringMonth(db: CacheDatabase, connectionId: string): Promise<string | null> {
  const latest = await Promise.all(
    factoringTypes.map((type) =>
      db.events
        .where('[type+date]')
        .between([type, Dexie.minKey], [type, Dexie.maxKey], true, true)
        .reverse()
        .filter((event) => event.connectionId === connectionId)
        .first(),
    ),
  );
  const dates = latest.flatMap((event) => (event ? [event.date] : [])).sort();
  return dates.length > 0 ? dates[dates.length - 1]!.slice(0, 7) : null;
}
