import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Reskontra keeps its files (connection settings, exports in progress): the
 * RESKONTRA_DATA_DIR environment variable when set (tests use a temporary one), otherwise
 * the OS's per-user application-data folder — the same place Electron's userData points to.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, demo = false): string {
  const override = env.RESKONTRA_DATA_DIR?.trim();
  if (override) return override;
  // Demo data never mixes with the user's: it gets a folder of its own.
  const name = demo ? 'Reskontra Demo' : 'Reskontra';
  const home = env.HOME ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), name);
}
