/**
 * How many per-invoice detail requests one connection keeps in flight, learnt from the provider
 * (AIMD, as TCP learns a window): no provider publishes a rate limit, so the limit rises while the
 * provider keeps up and falls when it says it is overloaded. See providers/README.md, *Detail
 * requests: how many at once*.
 *
 * - Start at `initial`; each answer that is not an overload, to a request sent while the limiter
 *   was full, adds 1/limit (one more per round of `limit` answers), up to `max`.
 * - An overload answer (429 or 503) cuts the limit to 0.7 of itself (as CUBIC cuts TCP's window), at most once per window: the window is the
 *   answer's `Retry-After` (or `defaultWindowMs`). The requests already in flight when the
 *   provider first said so answer in the same window, and random faults at a few per cent cut at
 *   most once a window instead of down to 1. Within the window, an overload answer to a request
 *   sent after the cut (so the cut was not enough) lowers the limit below what that request saw in
 *   flight, never more: a fault at random costs one slot, which the next round gives back.
 * - The provider saying so repeatedly (`pauseAfter` overload answers in a row, with no other
 *   answer between them) is a provider refusing everything, not one request: no request starts
 *   until the latest `Retry-After` has passed. One overload answer only delays its own retry (ky
 *   sleeps its `Retry-After` without holding a slot).
 *
 * Each slot is one HTTP attempt, held from sending to the response's headers, so a request
 * sleeping before its retry leaves its slot to others.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mapLimited } from './map-limited';

export interface DetailLimiter {
  /** Waits for a slot (and any pause), sends with `send`, and learns from the answer. */
  run(send: () => Promise<Response>, signal?: AbortSignal | null): Promise<Response>;
  /** What it has done so far, for benchmarks and tests. */
  stats(): DetailLimiterStats;
}

export interface DetailLimiterStats {
  limit: number;
  inFlight: number;
  peakInFlight: number;
  peakLimit: number;
  sent: number;
  overloads: number;
  cuts: number;
  pauses: number;
}

export interface DetailLimiterOptions {
  initial: number;
  max: number;
  /** The window of an overload answer without a readable `Retry-After`. */
  defaultWindowMs: number;
  /** A `Retry-After` longer than this is read as this (the HTTP layer's cap, `maxRetryAfterMs`). */
  maxWindowMs: number;
  pauseAfter: number;
}

export const defaultDetailLimiterOptions: DetailLimiterOptions = {
  initial: 8,
  max: 64,
  defaultWindowMs: 1_000,
  maxWindowMs: 60_000,
  pauseAfter: 3,
};

const decrease = 0.7;

/**
 * Detail calls started at once by one batch (each then waits for the limiter before every
 * attempt): twice the most the limiter lets through, so calls sleeping before a retry leave it
 * enough to send, and a failed call still stops the batch's calls not started yet.
 */
export const detailCallsAtOnce = 2 * defaultDetailLimiterOptions.max;

/** One item's detail work (an invoice's calls): its place in line, and whether its batch gave up on it. */
interface Turn {
  order: number;
  abandoned: boolean;
}
const turns = new AsyncLocalStorage<Turn>();
let turnsGiven = 0;

/**
 * `mapLimited` for detail calls: every request an item makes waits behind those of the items
 * started before it, so the limiter finishes invoices in the order they started instead of taking
 * one step of each in turn. An invoice whose transactions never end then fails its page after its
 * own hundred pages, not after a hundred pages of each of the batch's invoices. Once one item
 * fails, the others' requests not yet sent are dropped: the page has failed, and the provider is
 * not asked for what nobody will read.
 */
export async function mapInTurn<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const given: Turn[] = [];
  try {
    return await mapLimited(items, detailCallsAtOnce, (item) => {
      const turn = { order: turnsGiven++, abandoned: false };
      given.push(turn);
      return turns.run(turn, () => work(item));
    });
  } catch (error) {
    for (const turn of given) turn.abandoned = true;
    throw error;
  }
}

const abandoned = () => new DOMException('Another detail of its batch failed.', 'AbortError');

interface Waiting {
  order: number;
  turn: Turn | undefined;
  signal: AbortSignal | null | undefined;
  start: () => void;
  drop: () => void;
  abort: () => void;
}

export function createDetailLimiter(options: Partial<DetailLimiterOptions> = {}, now: () => number = Date.now): DetailLimiter {
  const { initial, max, defaultWindowMs, maxWindowMs, pauseAfter } = { ...defaultDetailLimiterOptions, ...options };
  let limit = Math.min(initial, max);
  let inFlight = 0;
  let cutAt = Number.NEGATIVE_INFINITY;
  let cutUntil = 0;
  let pausedUntil = 0;
  let overloadsInARow = 0;
  let pauseTimer: ReturnType<typeof setTimeout> | null = null;
  const waiting: Waiting[] = [];
  const stats = { peakInFlight: 0, peakLimit: limit, sent: 0, overloads: 0, cuts: 0, pauses: 0 };

  const windowOf = (response: Response) => Math.min(maxWindowMs, retryAfterMs(response.headers.get('retry-after'), now()) ?? defaultWindowMs);

  /** Starts waiting requests while there is room and no pause. */
  const admit = () => {
    const left = pausedUntil - now();
    if (left > 0) {
      pauseTimer ??= setTimeout(() => {
        pauseTimer = null;
        admit();
      }, left);
      return;
    }
    while (waiting.length > 0 && inFlight < Math.floor(limit)) {
      const next = waiting.shift()!;
      next.signal?.removeEventListener('abort', next.abort);
      if (next.turn?.abandoned) {
        next.drop();
        continue;
      }
      // Counted now, not when its caller wakes: the loop would otherwise start every waiting one.
      inFlight += 1;
      next.start();
    }
  };

  /** `sent`: when the request went and how many were in flight with it (itself included). */
  const learn = (response: Response | null, sent: { at: number; inFlight: number }) => {
    const overloaded = response !== null && (response.status === 429 || response.status === 503);
    if (!overloaded) {
      overloadsInARow = 0;
      if (response !== null && sent.inFlight >= Math.floor(limit)) limit = Math.min(max, limit + 1 / Math.floor(limit));
      stats.peakLimit = Math.max(stats.peakLimit, limit);
      return;
    }
    stats.overloads += 1;
    overloadsInARow += 1;
    const at = now();
    const window = windowOf(response);
    if (at >= cutUntil) {
      limit = Math.max(1, limit * decrease);
      cutAt = at;
      cutUntil = at + window;
      stats.cuts += 1;
    } else if (sent.at >= cutAt) {
      limit = Math.max(1, Math.min(limit, sent.inFlight - 1));
    }
    if (overloadsInARow >= pauseAfter && at + window > pausedUntil) {
      if (pausedUntil <= at) stats.pauses += 1;
      pausedUntil = at + window;
    }
  };

  const slot = (signal: AbortSignal | null | undefined) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const turn = turns.getStore();
      if (turn?.abandoned) return reject(abandoned());
      const entry: Waiting = {
        // A request outside any item's turn queues as if its item started now.
        order: turn?.order ?? turnsGiven++,
        turn,
        signal,
        start: resolve,
        drop: () => reject(abandoned()),
        abort: () => {
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal?.reason as Error);
        },
      };
      signal?.addEventListener('abort', entry.abort, { once: true });
      // In line by order: behind every request of an item started earlier, ahead of later ones.
      let at = waiting.length;
      while (at > 0 && waiting[at - 1]!.order > entry.order) at -= 1;
      waiting.splice(at, 0, entry);
      admit();
    });

  return {
    async run(send, signal) {
      await slot(signal);
      const sent = { at: now(), inFlight };
      stats.sent += 1;
      stats.peakInFlight = Math.max(stats.peakInFlight, inFlight);
      let response: Response | null = null;
      try {
        response = await send();
        return response;
      } finally {
        inFlight -= 1;
        learn(response, sent);
        admit();
      }
    },
    stats: () => ({ limit, inFlight, ...stats }),
  };
}

/** `Retry-After` in ms from `at`: whole seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, at: number): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - at) : null;
}
