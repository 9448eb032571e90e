import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { fileSystemError } from './file-system-error';
import { partFileName } from './part-file-name';
import { forgetPartFile, notePartFile } from './stale-part-files';

/** Where a finished export goes, and whether a file already there may be replaced. */
export interface ExportTarget {
  path: string;
  /** True when the user chose the path in a save dialog, which already asked about replacing. */
  replace: boolean;
}

export interface FinishedFile {
  path: string;
  bytes: number;
  /** The companion summary file written beside it, when one was asked for. */
  summary: { path: string; bytes: number } | null;
}

/** `x.csv` → `x.summary.csv`: the companion file that holds a statement's balances and totals. */
export function summaryPath(path: string): string {
  const extension = extname(path);
  return `${path.slice(0, path.length - extension.length)}.summary${extension}`;
}

/**
 * One file being exported: chunks go to a hidden temp file beside the target (same folder,
 * so the final rename cannot cross disks) and reach the disk as they arrive, so no more than
 * one chunk is ever in memory. The target only appears, whole, on commit. Exports are the
 * user's business records: the file is readable by its owner only (0600), like connections.json.
 */
export class ExportFile {
  private bytes = 0;
  /** Set when a write failed: the file now has a gap, so nothing may be added or committed. */
  private broken = false;

  private constructor(
    private readonly target: ExportTarget,
    private readonly tempPath: string,
    private readonly handle: FileHandle,
    private readonly dataDir: string,
  ) {}

  /** `dataDir` keeps a note of the temp file, so the next start-up can remove it if this process is killed. */
  static async create(target: ExportTarget, dataDir: string): Promise<ExportFile> {
    const tempPath = join(dirname(target.path), partFileName(basename(target.path)));
    try {
      await notePartFile(dataDir, tempPath);
      return new ExportFile(target, tempPath, await open(tempPath, 'wx', 0o600), dataDir);
    } catch (error) {
      await forgetPartFile(dataDir, tempPath);
      throw fileSystemError('create a file in', dirname(target.path), error);
    }
  }

  /** Writes the chunk as UTF-8; answers the bytes written so far. */
  append(chunk: string): Promise<number> {
    return this.appendBytes(Buffer.from(chunk, 'utf8'));
  }

  /** Writes the bytes as they are, without a copy; answers the bytes written so far. */
  async appendBytes(buffer: Uint8Array): Promise<number> {
    this.refuseIfBroken();
    try {
      for (let offset = 0; offset < buffer.length; ) {
        const { bytesWritten } = await this.handle.write(buffer, offset, buffer.length - offset, null);
        offset += bytesWritten;
      }
    } catch (error) {
      this.broken = true;
      throw fileSystemError('write', this.target.path, error);
    }
    this.bytes += buffer.length;
    return this.bytes;
  }

  /**
   * Flushes to disk, then moves the temp file into place in one step. With `summary`, that text
   * goes to a companion file (`x.summary.csv`) written whole to its own temp file first; then
   * both are moved into place, and if the second cannot be the first is removed again: the user
   * gets both files or neither.
   */
  async commit(summary?: string): Promise<FinishedFile> {
    this.refuseIfBroken();
    await this.flush();
    if (summary === undefined) {
      const path = this.target.replace ? await this.replaceTarget() : await this.keepExisting(null);
      await forgetPartFile(this.dataDir, this.tempPath);
      return { path, bytes: this.bytes, summary: null };
    }
    const companion = await ExportFile.create({ path: summaryPath(this.target.path), replace: this.target.replace }, this.dataDir);
    try {
      const bytes = await companion.append(summary);
      await companion.flush();
      const path = this.target.replace ? await this.replaceBoth(companion) : await this.keepExisting(companion);
      await forgetPartFile(this.dataDir, this.tempPath);
      await forgetPartFile(this.dataDir, companion.tempPath);
      return { path, bytes: this.bytes, summary: { path: summaryPath(path), bytes } };
    } catch (error) {
      await companion.discard();
      throw error;
    }
  }

  private async flush(): Promise<void> {
    try {
      await this.handle.sync();
      await this.handle.close();
    } catch (error) {
      throw fileSystemError('write', this.target.path, error);
    }
  }

  /** Closes and deletes the temp file; safe to call after a failed append or commit. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.tempPath).catch(() => undefined);
    await forgetPartFile(this.dataDir, this.tempPath);
  }

  private refuseIfBroken(): void {
    if (this.broken) {
      throw new RpcError('internal', `A part of "${this.target.path}" could not be written, so the export was abandoned.`);
    }
  }

  private async replaceTarget(): Promise<string> {
    try {
      await rename(this.tempPath, this.target.path);
      return this.target.path;
    } catch (error) {
      throw fileSystemError('save', this.target.path, error);
    }
  }

  /** The statement, then its summary; a summary that cannot be placed takes the statement back out. */
  private async replaceBoth(companion: ExportFile): Promise<string> {
    const path = await this.replaceTarget();
    try {
      await companion.replaceTarget();
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
    return path;
  }

  /**
   * Links the temp file under the first free name (`x.csv`, `x-2.csv`, …): a hard link fails
   * rather than replace, so an earlier export is never overwritten, even by a race. With a
   * companion, the name must be free for both (`x-2.csv` and `x-2.summary.csv`).
   */
  private async keepExisting(companion: ExportFile | null): Promise<string> {
    for (let attempt = 1; attempt <= 1000; attempt++) {
      const path = numbered(this.target.path, attempt);
      if (!(await linkFresh(this.tempPath, path))) continue;
      if (companion) {
        const placed = await linkFresh(companion.tempPath, summaryPath(path)).catch(async (error: unknown) => {
          await unlink(path).catch(() => undefined);
          throw error;
        });
        if (!placed) {
          await unlink(path).catch(() => undefined);
          continue;
        }
        await unlink(companion.tempPath).catch(() => undefined);
      }
      await unlink(this.tempPath).catch(() => undefined);
      return path;
    }
    throw fileSystemError('save', this.target.path, { code: 'EEXIST' });
  }
}

/** Links `from` as `to`; false when `to` is taken, which is never replaced. */
async function linkFresh(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') return false;
    throw fileSystemError('save', to, error);
  }
}

function numbered(path: string, attempt: number): string {
  if (attempt === 1) return path;
  const extension = extname(path);
  return `${path.slice(0, path.length - extension.length)}-${attempt}${extension}`;
}
