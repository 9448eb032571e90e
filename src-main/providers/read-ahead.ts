/**
 * Pages fetched before they are asked for. The renderer asks for page N+1 only once page N has
 * reached it, so between its calls the provider would sit idle while main serialises page N and
 * the renderer parses it; a client that knows where the next pages start (an offset, or the pages
 * the last walk committed) fetches them meanwhile, and a call takes one if it asks for exactly that
 * page soon enough. Correctness never depends on it: a call for anything else, or too late,
 * fetches afresh.
 */
export interface ReadAhead<T> {
  /** The page fetched ahead under `key`, if there is one younger than the limit; it is given out once. */
  take(key: string): Promise<T> | null;
  /** Starts fetching the page under `key` unless it is held already, dropping the oldest beyond `slots`; its failure waits for `take`. */
  start(key: string, fetch: () => Promise<T>): void;
}

/**
 * `maxAgeMs` bounds how old a page taken this way can be: no older than if the sync had simply
 * been that much slower. A cancelled walk's page is dropped when it is older. `slots` bounds how
 * many pages are held (and so fetched) at once.
 */
export function createReadAhead<T>(maxAgeMs: number, now: () => number = Date.now, slots = 1): ReadAhead<T> {
  // In the order started: the first is the oldest.
  const held = new Map<string, { startedAt: number; page: Promise<T> }>();
  const fresh = (key: string) => {
    const found = held.get(key);
    if (found && now() - found.startedAt <= maxAgeMs) return found;
    held.delete(key);
    return undefined;
  };
  return {
    take(key) {
      const found = fresh(key);
      held.delete(key);
      return found?.page ?? null;
    },
    start(key, fetch) {
      if (fresh(key)) return;
      const page = fetch();
      // Nobody may ever take it (a cancelled walk): its failure must not go unhandled.
      page.catch(() => undefined);
      held.set(key, { startedAt: now(), page });
      for (const oldest of held.keys()) if (held.size > slots) held.delete(oldest);
    },
  };
}
