import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection } from '../../src-shared/domain/connection';
import type { ConnectionsWarning } from '../../src-shared/rpc/connections-warning';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { connectionsFileName, connectionsFileText, fileVersion, readConnectionsFile, type SetAside } from './connections-file';
import { keptAsideCopies, keptAsideName } from './kept-aside-copies';
import { oneAtATime } from './one-at-a-time';
import { fileWriteError } from './file-write-error';

export { connectionsFileName };

/**
 * Connection settings (never secrets) in `<dataDir>/connections.json`. Every write goes to a
 * temporary file that is flushed and renamed over the old one, so a crash leaves either the
 * old or the new file, and a failed write leaves no temporary file. Every read validates entry
 * by entry (see connections-file.ts); a file that cannot be read at all is moved aside as
 * `connections.json.corrupt-<time>` and reported until that copy is gone.
 */
export interface ConnectionsStore {
  readonly dataDir: string;
  list(): Promise<Connection[]>;
  /** The connections and what is wrong with the file now. */
  read(): Promise<{ connections: Connection[]; warnings: ConnectionsWarning[] }>;
  get(id: string): Promise<Connection | undefined>;
  /** Runs `change` on the current list and saves what it returns; calls are serialised. */
  update<T>(change: (connections: Connection[]) => { connections: Connection[]; result: T }): Promise<T>;
  /** Removes a set-aside entry from the file; false if there is none with that id. */
  discardSetAside(id: string): Promise<boolean>;
  /** Whether a keychain entry may still be needed: a connection, a set-aside entry, or named in a kept-aside copy. */
  secretsInUse(): Promise<(id: string) => boolean>;
}

interface Loaded {
  connections: Connection[];
  setAside: SetAside[];
  /** Set when the file comes from a newer Reskontra: it is read but never written over. */
  newerVersion: number | undefined;
}

export function createConnectionsStore(dataDir: string): ConnectionsStore {
  const file = join(dataDir, connectionsFileName);
  const serialised = oneAtATime();

  const load = async (): Promise<Loaded> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { connections: [], setAside: [], newerVersion: undefined };
      throw error;
    }
    const reading = readConnectionsFile(text);
    if (!reading.ok) {
      await rename(file, keptAsideName(dataDir));
      return { connections: [], setAside: [], newerVersion: undefined };
    }
    const loaded = {
      connections: reading.connections,
      setAside: reading.setAside,
      newerVersion: reading.version > fileVersion ? reading.version : undefined,
    };
    if (reading.trailing && loaded.newerVersion === undefined) {
      // The original goes aside as it was, then the file is written clean, so this happens once.
      await copyFile(file, keptAsideName(dataDir));
      await save(loaded).catch(() => undefined);
    }
    return loaded;
  };

  const save = async ({ connections, setAside, newerVersion }: Loaded): Promise<void> => {
    if (newerVersion !== undefined) throw newerFile(newerVersion);
    await mkdir(dataDir, { recursive: true });
    const temporary = `${file}.tmp-${process.pid}-${randomUUID()}`;
    try {
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(connectionsFileText(connections, setAside), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw fileWriteError(file, error);
    }
  };

  const warningsOf = async (loaded: Loaded): Promise<ConnectionsWarning[]> => [
    ...(loaded.newerVersion === undefined ? [] : [newerFileWarning(loaded.newerVersion)]),
    ...(await keptAsideCopies(dataDir)).map((copy) => copy.warning),
    ...loaded.setAside.map((entry) => entry.warning),
  ];

  return {
    dataDir,
    list: () => serialised(async () => (await load()).connections),
    read: () =>
      serialised(async () => {
        const loaded = await load();
        return { connections: loaded.connections, warnings: await warningsOf(loaded) };
      }),
    get: (id) => serialised(async () => (await load()).connections.find((connection) => connection.id === id)),
    update: (change) =>
      serialised(async () => {
        const loaded = await load();
        const { connections, result } = change(loaded.connections);
        await save({ ...loaded, connections });
        return result;
      }),
    discardSetAside: (id) =>
      serialised(async () => {
        const loaded = await load();
        const setAside = loaded.setAside.filter((entry) => entry.id !== id);
        if (setAside.length === loaded.setAside.length) return false;
        await save({ ...loaded, setAside });
        return true;
      }),
    secretsInUse: () =>
      serialised(async () => {
        const loaded = await load();
        const ids = new Set([...loaded.connections.map((c) => c.id), ...loaded.setAside.flatMap((entry) => entry.id ?? [])]);
        const copies = await keptAsideCopies(dataDir);
        // A kept-aside copy may be restored: any id written anywhere in it keeps its secret.
        return (id) => ids.has(id) || copies.some((copy) => copy.text.includes(id));
      }),
  };
}

function newerFile(version: number): RpcError {
  return new RpcError(
    'newer_file',
    `${connectionsFileName} was written by a newer version of Reskontra (file version ${version}); ` +
      'this version reads it but will not write over it. Update Reskontra to change connections.',
  );
}

function newerFileWarning(version: number): ConnectionsWarning {
  return { kind: 'file_from_newer_version', version, message: newerFile(version).message };
}
