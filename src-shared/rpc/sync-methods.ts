import { z } from 'zod';
import { connectionIdSchema } from '../domain/connection';
import { syncStreams } from '../domain/provider';
import type { QuarantinedRecord, SyncRecord } from '../domain/records';
import { method } from './method';

export interface SyncPage {
  records: SyncRecord[];
  /** Records of this page that could not be read; every other record is in `records`. */
  quarantined: QuarantinedRecord[];
  /** Opaque: pass it back to get the next page; null when the stream is done. */
  nextCursor: string | null;
  progress: { done: number; total?: number };
}

/** Pull-based sync: one page per call; main keeps no sync state between calls. */
export const syncMethods = {
  'sync.page': method<SyncPage>()(
    z
      .object({
        connectionId: connectionIdSchema,
        stream: z.enum(syncStreams as [string, ...string[]]),
        cursor: z.string().min(1).max(2048).nullable(),
      })
      .strict(),
  ),
};
