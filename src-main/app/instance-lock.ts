import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const lockFileName = 'reskontra.lock';

const holderSchema = z.object({ pid: z.number().int().positive(), startedAt: z.number(), address: z.string().optional() });
export type LockHolder = z.output<typeof holderSchema>;

export interface InstanceLock {
  /** Records where this instance answers (browser mode), for a second one to point at. Never the token. */
  setAddress(address: string): Promise<void>;
  release(): void;
}

export type LockAttempt = { ok: true; lock: InstanceLock } | { ok: false; holder: LockHolder };

/**
 * One Reskontra per data folder: two processes writing one connections.json lose each other's
 * changes. `<dataDir>/reskontra.lock` holds the running instance's pid and start time (and its
 * address in browser mode); a lock whose process is gone, or whose pid now belongs to a later
 * process, is taken over. Created by a hard link of a finished file, so it is never half-written.
 */
export async function acquireInstanceLock(dataDir: string): Promise<LockAttempt> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, lockFileName);
  const me: LockHolder = { pid: process.pid, startedAt: processStartTime(process.pid) ?? Date.now() - process.uptime() * 1000 };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await create(file, me)) return { ok: true, lock: heldLock(file, me) };
    const holder = await readHolder(file);
    if (holder && isRunning(holder)) return { ok: false, holder };
    await takeAway(file, holder);
  }
  const holder = await readHolder(file);
  if (holder) return { ok: false, holder };
  throw new Error(`Could not take ${file}; delete it if no Reskontra is running.`);
}

/** What the second instance says: the running one's address, never its token. */
export function alreadyRunningMessage(holder: LockHolder): string {
  return holder.address
    ? `Reskontra is already running with this data folder at ${holder.address}; open that address.`
    : `Reskontra is already running with this data folder (process ${holder.pid}); use that window, or quit it first.`;
}

async function create(file: string, holder: LockHolder): Promise<boolean> {
  const draft = `${file}.${randomUUID()}`;
  await writeFile(draft, JSON.stringify(holder), { mode: 0o600 });
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(draft);
  }
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves a stale lock out of the way, then checks it moved the lock it judged: if another
 * starting instance took over in between, that live lock goes back.
 */
async function takeAway(file: string, stale: LockHolder | undefined): Promise<void> {
  const moved = `${file}.stale-${randomUUID()}`;
  try {
    await rename(file, moved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const found = await readHolder(moved);
  if (found && stale && (found.pid !== stale.pid || found.startedAt !== stale.startedAt)) await link(moved, file).catch(() => undefined);
  await unlink(moved);
}

function heldLock(file: string, me: LockHolder): InstanceLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    try {
      const holder = holderSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (holder.success && holder.data.pid === me.pid) unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.once('exit', release);
  return {
    async setAddress(address) {
      const draft = `${file}.${randomUUID()}`;
      await writeFile(draft, JSON.stringify({ ...me, address }), { mode: 0o600 });
      await rename(draft, file);
    },
    release,
  };
}

function isRunning(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid lives; on Linux its start time tells whether it is still the same process.
  const started = processStartTime(holder.pid);
  return started === undefined || Math.abs(started - holder.startedAt) < 2_000;
}

/** When a process started (ms since 1970), from /proc on Linux; undefined elsewhere. */
function processStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const bootTime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    // Linux reports start times in clock ticks of 1/100 s (USER_HZ) on every common platform.
    return Number.isFinite(ticks) && Number.isFinite(bootTime) ? bootTime * 1000 + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}
