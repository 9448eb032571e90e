/**
 * One page fetched before it is asked for. The renderer asks for page N+1 only once page N has
 * reached it, so between its calls the provider would sit idle while main serialises page N and
 * the renderer parses it; a client that knows where the next page starts (an offset) fetches it
 * meanwhile, and the next call takes it if it asks for exactly that page soon enough.
 * Correctness never depends on it: a call for anything else, or too late, fetches afresh.
 */
export interface ReadAhead<T> {
  /** The page fetched ahead under `key`, if there is one younger than the limit; it is given out once. */
  take(key: string): Promise<T> | null;
  /** Starts fetching the page under `key`, replacing any other; its failure waits for `take`. */
  start(key: string, fetch: () => Promise<T>): void;
}

/**
 * `maxAgeMs` bounds how old a page taken this way can be: no older than if the sync had simply
 * been that much slower. A cancelled walk's page is dropped when it is older.
 */
export function createReadAhead<T>(maxAgeMs: number, now: () => number = Date.now): ReadAhead<T> {
  let held: { key: string; startedAt: number; page: Promise<T> } | null = null;
  return {
    take(key) {
      const found = held;
      held = null;
      if (!found || found.key !== key || now() - found.startedAt > maxAgeMs) return null;
      return found.page;
    },
    start(key, fetch) {
      const page = fetch();
      // Nobody may ever take it (a cancelled walk): its failure must not go unhandled.
      page.catch(() => undefined);
      held = { key, startedAt: now(), page };
    },
  };
}
