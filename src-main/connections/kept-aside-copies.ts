import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConnectionsWarning } from '../../src-shared/rpc/connections-warning';
import { connectionsFileName, readConnectionsFile } from './connections-file';

const prefix = `${connectionsFileName}.corrupt-`;

export function keptAsideName(dataDir: string, now = new Date()): string {
  return join(dataDir, `${prefix}${now.toISOString().replace(/[:.]/g, '-')}`);
}

export interface KeptAsideCopy {
  path: string;
  text: string;
  warning: ConnectionsWarning & { kind: 'file_kept_aside' };
}

/**
 * The copies of connections.json kept aside because they could not be read whole. Their
 * warnings come from the folder, not from memory: a warning lasts exactly as long as its copy
 * (restored over connections.json, or deleted, and it is gone).
 */
export async function keptAsideCopies(dataDir: string): Promise<KeptAsideCopy[]> {
  let names: string[];
  try {
    names = (await readdir(dataDir)).filter((name) => name.startsWith(prefix)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const copies: KeptAsideCopy[] = [];
  for (const name of names) {
    const path = join(dataDir, name);
    const text = await readFile(path, 'utf8');
    const reading = readConnectionsFile(text);
    const why = reading.ok ? (reading.trailing ? 'trailing_content' : 'wrong_shape') : reading.why;
    const reason = reading.ok
      ? reading.trailing
        ? 'something followed its end; the connections before it were kept'
        : 'an earlier version of Reskontra could not read it'
      : reading.detail;
    copies.push({
      path,
      text,
      warning: {
        kind: 'file_kept_aside',
        keptAs: path,
        why,
        message: `The connections file could not be read whole (${reason}). The original was kept as ${path}; ` +
          'restore it or delete it once you no longer need it.',
      },
    });
  }
  return copies;
}
