import { z } from 'zod';
import { changeKinds, type ChangeKind } from './what-changed';

/** How often the app syncs by itself, in minutes; 0 = only when it starts. */
export const syncIntervals = [0, 15, 30, 60, 240] as const;
export type SyncInterval = (typeof syncIntervals)[number];

export interface FreshnessSettings {
  syncOnStart: boolean;
  everyMinutes: SyncInterval;
  /** Which kinds of news are listed (and notified). */
  kinds: Record<ChangeKind, boolean>;
  /** Also as OS notifications, where the platform has them and the user allowed them. */
  notify: boolean;
}

const key = 'reskontra.freshness';

export const defaultFreshness: FreshnessSettings = {
  syncOnStart: true,
  everyMinutes: 60,
  kinds: Object.fromEntries(changeKinds.map((kind) => [kind, true])) as Record<ChangeKind, boolean>,
  notify: false,
};

const stored = z.object({
  syncOnStart: z.boolean(),
  everyMinutes: z.literal(syncIntervals),
  kinds: z.object(Object.fromEntries(changeKinds.map((kind) => [kind, z.boolean()])) as Record<ChangeKind, z.ZodBoolean>).partial(),
  notify: z.boolean(),
});

/** The saved choice, or the defaults when there is none or it cannot be read (storage is user-editable). */
export function readFreshness(storage: Storage): FreshnessSettings {
  let json: unknown = null;
  try {
    json = JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return defaultFreshness;
  }
  const parsed = stored.safeParse(json);
  if (!parsed.success) return defaultFreshness;
  return { ...parsed.data, kinds: { ...defaultFreshness.kinds, ...parsed.data.kinds } };
}

export function writeFreshness(storage: Storage, settings: FreshnessSettings): void {
  storage.setItem(key, JSON.stringify(settings));
}
