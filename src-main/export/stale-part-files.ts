import { lstat, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writerGone } from '../app/writer-gone';
import { partFileWriter } from './part-file-name';
import { exportsFolder } from './save-target';

/**
 * A process killed mid-export (kill -9, power cut) leaves its hidden part file behind; nothing
 * in that process can clean up, so the next start-up does. Part files can be in any folder the
 * save dialog chose, so each one is noted in `<dataDir>/exports-in-progress/` while it exists.
 */
function notesFolder(dataDir: string): string {
  return join(dataDir, 'exports-in-progress');
}

/** Notes a part file before it is created, so a kill at any moment leaves a note to find it by. */
export async function notePartFile(dataDir: string, partPath: string): Promise<void> {
  const folder = notesFolder(dataDir);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await writeFile(join(folder, basename(partPath)), partPath, { mode: 0o600 });
}

export async function forgetPartFile(dataDir: string, partPath: string): Promise<void> {
  await unlink(join(notesFolder(dataDir), basename(partPath))).catch(() => undefined);
}

/**
 * Removes every part file Reskontra named whose writer is gone: its process is not alive, it is
 * this process's id but older than this process (the id was reused), or no live export has
 * touched it for longer than the idle limit after which a running app abandons an export.
 * Files other programs made are never touched. Best effort: a file that cannot be removed now
 * is tried again at the next start.
 */
export async function removeStalePartFiles(dataDir: string, idleMs: number): Promise<void> {
  const exports = exportsFolder(dataDir);
  const candidates = new Set((await names(exports)).map((name) => join(exports, name)));
  for (const note of await names(notesFolder(dataDir))) {
    const notePath = join(notesFolder(dataDir), note);
    const partPath = await readFile(notePath, 'utf8').catch(() => null);
    // A damaged note (cut short by the kill) names no part file; the folder sweep still finds those in exports/.
    if (partPath !== null && basename(partPath) === note) candidates.add(partPath);
    else await unlink(notePath).catch(() => undefined);
  }
  for (const partPath of candidates) {
    const writer = partFileWriter(basename(partPath));
    if (writer === null) continue;
    const info = await lstat(partPath).catch(() => null);
    if (info !== null && !info.isFile()) continue;
    if (info === null || isStale(writer, info.mtimeMs, idleMs)) {
      if (info !== null) await unlink(partPath).catch(() => undefined);
      await forgetPartFile(dataDir, partPath);
    }
  }
}

function isStale(writer: number, modifiedMs: number, idleMs: number): boolean {
  if (writerGone(writer, modifiedMs)) return true;
  return writer !== process.pid && Date.now() - modifiedMs > idleMs;
}

async function names(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}
