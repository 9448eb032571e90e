import { chmod, mkdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { ExportTarget } from './export-file';
import { fileSystemError } from './file-system-error';

/**
 * Asks the user where to save (the Electron shell shows the native save dialog, with the
 * suggested name filled in); resolves to the absolute path chosen, or null when cancelled.
 */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

/** Where exports go when there is no save dialog (browser mode, tests). */
export function exportsFolder(dataDir: string): string {
  return join(dataDir, 'exports');
}

/**
 * The target for a suggested name: the path the user picks in the dialog (which has asked
 * about replacing an existing file), or `<dataDir>/exports/<name>` without replacing one.
 * Null when the user cancelled.
 */
export async function chooseTarget(
  suggestedName: string,
  dataDir: string,
  chooseSavePath: ChooseSavePath | undefined,
): Promise<ExportTarget | null> {
  if (chooseSavePath) {
    const chosen = await chooseSavePath(suggestedName);
    if (chosen === null) return null;
    if (!isAbsolute(chosen)) throw new RpcError('internal', `The save dialog answered a relative path "${chosen}".`);
    return { path: chosen, replace: true };
  }
  const folder = exportsFolder(dataDir);
  try {
    // Owner only, like connections.json; chmod also closes a folder an earlier version made 0755.
    await mkdir(folder, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') await chmod(folder, 0o700);
  } catch (error) {
    throw fileSystemError('create the folder', folder, error);
  }
  return { path: join(folder, suggestedName), replace: false };
}
