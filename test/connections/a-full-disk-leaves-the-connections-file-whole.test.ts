import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRpcHarness } from '../providers/support/rpc-harness';

// Runs under scripts/with-keyring.sh (a real Secret Service). A real full disk: a 64 KiB tmpfs,
// filled up. Mounting needs root with the right to mount (CI runs as root; a container may still
// refuse); where it cannot, the test says why it is skipped.
const canMount = process.getuid?.() === 0 && mountWorks();

function mountWorks(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'reskontra-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
let disk = '';

beforeAll(async () => {
  if (!canMount) return;
  disk = await mkdtemp(join(tmpdir(), 'reskontra-tiny-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
});
afterAll(async () => {
  if (!disk) return;
  execFileSync('umount', [disk]);
  await rm(disk, { recursive: true, force: true });
});

/** Fills the disk: writes until the file system answers ENOSPC. */
async function fillUp(folder: string): Promise<void> {
  const block = Buffer.alloc(1024, 1);
  for (let n = 0; ; n++) {
    try {
      await writeFile(join(folder, `filler-${n}`), block);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return;
      throw error;
    }
  }
}

describe.skipIf(!canMount)('a connections write on a full disk (skipped unless this user may mount a tmpfs)', () => {
  it('says the disk is full, leaves no temporary file and keeps the old file whole', async () => {
    const harness = await createRpcHarness({ dataDir: disk });
    const added = await harness.expectOk('connections.add', {
      provider: 'aptic',
      label: 'Aptic',
      baseUrl: 'https://api.aptic.example',
      secret: { clientId: 'client', clientSecret: 'secret-0123456789' },
    });
    try {
      const before = await readFile(join(disk, 'connections.json'), 'utf8');
      await fillUp(disk);

      const result = await harness.call('connections.update', { id: added.id, label: 'A much longer name that needs more room' });
      expect(result).toMatchObject({ ok: false, error: { code: 'disk_full' } });
      if (!result.ok) expect(result.error.message).toMatch(/the disk is full/);

      expect((await readdir(disk)).filter((name) => !name.startsWith('filler-'))).toEqual(['connections.json']);
      expect(await readFile(join(disk, 'connections.json'), 'utf8')).toBe(before);
    } finally {
      for (const name of await readdir(disk)) if (name.startsWith('filler-')) await rm(join(disk, name));
      await harness.call('connections.remove', { id: added.id });
    }
  });
});
