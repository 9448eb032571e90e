/** What a progress bar over all of a connection's streams needs of the sync's progress. */
export interface StreamProgress {
  streamIndex: number;
  streamCount: number;
  done: number;
  total: number | null;
}

/**
 * How far the whole connection is, 0 to 1: each stream an equal share, the current one by its
 * own done/total (none of it while the provider gives no total). It never goes back within a
 * sync, as a per-stream figure did (100% falling back to 2% when the next stream began).
 */
export function overallFraction(progress: StreamProgress): number {
  const { streamIndex, streamCount, done, total } = progress;
  if (streamCount <= 0) return 0;
  const withinStream = total ? Math.min(1, done / total) : 0;
  return Math.min(1, (streamIndex + withinStream) / streamCount);
}

/** Below these a guess is noise: a short sync needs none, an early one has too little to go on. */
const minimumElapsedMs = 10_000;
const minimumFraction = 0.05;

/**
 * Seconds left at the pace so far, or null while a guess would mislead (see above). Linear: a
 * sync's pages are alike, and the estimate is redone on every page.
 */
export function secondsLeft(elapsedMs: number, fraction: number): number | null {
  if (elapsedMs < minimumElapsedMs || fraction < minimumFraction || fraction >= 1) return null;
  return Math.ceil((elapsedMs * (1 - fraction)) / fraction / 1000);
}
