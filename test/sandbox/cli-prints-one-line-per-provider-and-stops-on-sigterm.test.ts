import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asRecord, bearer, requestJson } from './support/sandbox-http';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('npm run sandbox (sandbox/cli.ts)', () => {
  it('prints one JSON line per provider with everything a connection needs, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts'], {
      cwd: root,
      env: { ...process.env, SANDBOX_SEED: '5', SANDBOX_SCALE: '40', SANDBOX_FAULTS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = await new Promise<string[]>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const complete = out.split('\n').filter((line) => line.trim() !== '');
        if (complete.length >= 4 && out.endsWith('\n')) resolve(complete);
      });
      child.once('exit', (code) => reject(new Error(`cli exited early (${String(code)}): ${stderr}`)));
    });
    const printed = lines.map((line) => asRecord(JSON.parse(line)));
    expect(printed.map((line) => line.provider)).toEqual(['vettig', 'flowtly', 'confirma', 'aptic']);
    for (const line of printed) {
      expect(Object.keys(line)).toEqual(['provider', 'baseUrl', 'credentials', 'settings']);
      expect(String(line.baseUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
    const flowtly = printed[1] ?? {};
    const response = await requestJson(`${String(flowtly.baseUrl)}/invoices?itemsPerPage=1`, { headers: bearer(String(asRecord(flowtly.credentials).apiToken)) });
    expect(asRecord(response.body)['hydra:totalItems']).toBe(40 + 2);

    const exitCode = await new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
    expect(exitCode, stderr).toBe(0);
  }, 30_000);
});
