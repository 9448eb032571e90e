import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { connectionSchema, type Connection } from '../../src-shared/domain/connection';

export const connectionsFileName = 'connections.json';

const fileSchema = z.object({ version: z.literal(1), connections: z.array(connectionSchema) }).strict();

/**
 * Connection settings (never secrets) in `<dataDir>/connections.json`. Every write goes to a
 * temporary file that is flushed and renamed over the old one, so a crash leaves either the
 * old or the new file. Every read validates; a file that fails is moved aside as
 * `connections.json.corrupt-<time>` and reported through `warnings`, never silently dropped.
 */
export interface ConnectionsStore {
  list(): Promise<Connection[]>;
  get(id: string): Promise<Connection | undefined>;
  /** Runs `change` on the current list and saves what it returns; calls are serialised. */
  update<T>(change: (connections: Connection[]) => { connections: Connection[]; result: T }): Promise<T>;
  warnings(): string[];
}

export function createConnectionsStore(dataDir: string): ConnectionsStore {
  const file = join(dataDir, connectionsFileName);
  const warnings: string[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  const serialised = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (): Promise<Connection[]> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    const problem = validate(text);
    if (problem.ok) return problem.connections;
    const keptAs = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, keptAs);
    warnings.push(
      `The connections file could not be read (${problem.reason}). It was kept as ${keptAs}; ` +
        'add the connections again or restore that file.',
    );
    return [];
  };

  const save = async (connections: Connection[]): Promise<void> => {
    await mkdir(dataDir, { recursive: true });
    const temporary = `${file}.tmp-${process.pid}-${randomUUID()}`;
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify({ version: 1, connections }, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temporary, file);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  };

  return {
    list: () => serialised(load),
    get: (id) => serialised(async () => (await load()).find((connection) => connection.id === id)),
    update: (change) =>
      serialised(async () => {
        const { connections, result } = change(await load());
        await save(connections);
        return result;
      }),
    warnings: () => [...warnings],
  };
}

function validate(text: string): { ok: true; connections: Connection[] } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  const parsed = fileSchema.safeParse(json);
  if (parsed.success) return { ok: true, connections: parsed.data.connections };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the file';
  return { ok: false, reason: `${where}: ${issue?.message ?? 'unexpected content'}` };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
