import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { HandlerGroup } from '../rpc/handler-table';
import { ExportFile } from './export-file';
import { chooseTarget, type ChooseSavePath } from './save-target';

export interface ExportDeps {
  dataDir: string;
  /** The native save dialog; without it files go to `<dataDir>/exports/`. */
  chooseSavePath?: ChooseSavePath;
  /** An export untouched this long is abandoned and its temp file removed (default 10 min). */
  idleMs?: number;
  /** Exports open at once (default 8): a renderer that forgets to finish cannot pile them up. */
  maxOpen?: number;
}

/** An export untouched this long is abandoned; start-up also treats part files idle this long as stale. */
export const exportIdleMs = 10 * 60_000;

type ExportMethod = 'export.begin' | 'export.append' | 'export.appendBytes' | 'export.commit' | 'export.abort';

interface OpenExport {
  file: ExportFile;
  /** Appends, commit and abort of one export run one after another, in the order they came. */
  queue: Promise<unknown>;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Exports in progress live in main's memory only as an open file handle; a reloaded renderer
 * or a failed write leaves no partial file behind (the idle timer or the failure discards it).
 */
export function exportHandlers({
  dataDir,
  chooseSavePath,
  idleMs = exportIdleMs,
  maxOpen = 8,
}: ExportDeps): HandlerGroup<ExportMethod> {
  const open = new Map<string, OpenExport>();

  const abandon = (exportId: string): void => {
    const entry = open.get(exportId);
    if (!entry) return;
    open.delete(exportId);
    void serialized(entry, () => entry.file.discard());
  };

  const idleTimer = (exportId: string): ReturnType<typeof setTimeout> => {
    const timer = setTimeout(() => abandon(exportId), idleMs);
    timer.unref?.();
    return timer;
  };

  const touch = (exportId: string, entry: OpenExport): void => {
    clearTimeout(entry.timer);
    entry.timer = idleTimer(exportId);
  };

  /** Takes the export out of the table, so nothing after a commit or abort can reach it. */
  const take = (exportId: string): OpenExport => {
    const entry = lookUp(open, exportId);
    open.delete(exportId);
    clearTimeout(entry.timer);
    return entry;
  };

  /** One append after the export's earlier ones; a failed write abandons the export (no partial file stays). */
  const append = async (exportId: string, write: (file: ExportFile) => Promise<number>): Promise<{ bytes: number }> => {
    const entry = lookUp(open, exportId);
    touch(exportId, entry);
    try {
      return { bytes: await serialized(entry, () => write(entry.file)) };
    } catch (error) {
      abandon(exportId);
      throw error;
    }
  };

  return {
    'export.begin': async ({ suggestedName }) => {
      if (open.size >= maxOpen) {
        throw new RpcError('conflict', `${maxOpen} exports are already in progress; finish or abort one first.`);
      }
      const target = await chooseTarget(suggestedName, dataDir, chooseSavePath);
      if (target === null) return { status: 'cancelled' as const };
      const exportId = randomUUID();
      const file = await ExportFile.create(target, dataDir);
      open.set(exportId, { file, queue: Promise.resolve(), timer: idleTimer(exportId) });
      return { status: 'started' as const, exportId, fileName: basename(target.path) };
    },

    'export.append': ({ exportId, chunk }) => append(exportId, (file) => file.append(chunk)),
    'export.appendBytes': ({ exportId, bytes }) => append(exportId, (file) => file.appendBytes(bytes)),

    'export.commit': async ({ exportId, summary }) => {
      const entry = take(exportId);
      try {
        const finished = await serialized(entry, () => entry.file.commit(summary));
        const companion = finished.summary && { ...finished.summary, fileName: basename(finished.summary.path) };
        return { path: finished.path, fileName: basename(finished.path), bytes: finished.bytes, summary: companion };
      } catch (error) {
        await entry.file.discard();
        throw error;
      }
    },

    'export.abort': async ({ exportId }) => {
      const entry = take(exportId);
      await serialized(entry, () => entry.file.discard());
      return { aborted: true as const };
    },
  };
}

function lookUp(open: ReadonlyMap<string, OpenExport>, exportId: string): OpenExport {
  const entry = open.get(exportId);
  if (!entry) {
    throw new RpcError(
      'not_found',
      `There is no export in progress with id "${exportId}": it was finished, aborted, failed or left idle too long.`,
    );
  }
  return entry;
}

function serialized<T>(entry: OpenExport, step: () => Promise<T>): Promise<T> {
  const result = entry.queue.then(step);
  entry.queue = result.catch(() => undefined);
  return result;
}
