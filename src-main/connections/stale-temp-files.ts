import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writerGone } from '../app/writer-gone';
import { connectionsFileName } from './connections-file';

const temporaryName = new RegExp(`^${connectionsFileName.replace('.', '\\.')}\\.tmp-(\\d+)-[0-9a-f-]+$`);

/**
 * A process killed while writing connections.json (between creating its temporary file and
 * renaming it over the file) leaves `connections.json.tmp-<pid>-<uuid>`; nothing in that process
 * can clean up, so the next start-up removes each one whose writer is gone. The file itself is
 * whole either way (the rename is the commit). Best effort: one that cannot go now goes next time.
 */
export async function removeStaleTempFiles(dataDir: string): Promise<void> {
  for (const name of await readdir(dataDir).catch(() => [])) {
    const writer = temporaryName.exec(name)?.[1];
    if (writer === undefined) continue;
    const path = join(dataDir, name);
    const info = await lstat(path).catch(() => null);
    if (info?.isFile() && writerGone(Number(writer), info.mtimeMs)) await unlink(path).catch(() => undefined);
  }
}
