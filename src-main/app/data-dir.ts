import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Reskontra keeps its files (connection settings, exports in progress): the
 * RESKONTRA_DATA_DIR environment variable when set (tests use a temporary one), otherwise
 * the OS's per-user application-data folder — the same place Electron's userData points to.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const override = env.RESKONTRA_DATA_DIR?.trim();
  if (override) return override;
  const home = env.HOME ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Reskontra');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Reskontra');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Reskontra');
}
