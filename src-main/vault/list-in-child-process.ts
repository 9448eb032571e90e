import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { z } from 'zod';

/**
 * keytar's findCredentials, run in a child process. libsecret can hand it an item whose secret
 * another process deleted or replaced between the search and the read; keytar then copies a
 * null pointer and the process dies on a signal. Listing happens at every start (orphaned
 * entries), and other programs change the keychain whenever they like, so the listing gets a
 * process of its own: a crash costs that child, and the listing is tried again.
 *
 * The child is this same executable as plain Node (ELECTRON_RUN_AS_NODE makes Electron one), loading
 * keytar from the path this module resolves, and answers on a pipe: nothing touches the disk.
 */
const credentialsSchema = z.array(z.object({ account: z.string(), password: z.string() }));
export type Credentials = z.output<typeof credentialsSchema>;

const attempts = 4;
const childTimeoutMs = 20_000;

const childScript = `
const keytar = require(process.argv[1]);
keytar.findCredentials(process.argv[2]).then(
  (found) => process.stdout.write(JSON.stringify(found), () => process.exit(0)),
  (error) => { process.stderr.write(String(error && error.message || error).split('\\n')[0]); process.exit(2); },
);`;

export async function findCredentialsInChild(service: string): Promise<Credentials> {
  const keytarPath = createRequire(import.meta.url).resolve('keytar');
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const outcome = await runChild(keytarPath, service);
    if (outcome.ok) return outcome.credentials;
    last = outcome.reason;
    // A refusal from the keychain itself (locked, no Secret Service) will not change on a retry.
    if (!outcome.crashed) break;
  }
  throw new Error(last);
}

type ChildOutcome = { ok: true; credentials: Credentials } | { ok: false; crashed: boolean; reason: string };

function runChild(keytarPath: string, service: string): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', childScript, keytarPath, service], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: childTimeoutMs,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', (error) => resolve({ ok: false, crashed: false, reason: error.message }));
    child.once('close', (code, signal) => {
      if (code === 0) {
        const parsed = credentialsSchema.safeParse(safeJson(Buffer.concat(out).toString('utf8')));
        resolve(parsed.success ? { ok: true, credentials: parsed.data } : { ok: false, crashed: true, reason: 'the keychain listing answered something unreadable' });
        return;
      }
      // Only the first line of what keytar said: it names the failure, never a secret.
      const said = Buffer.concat(err).toString('utf8').split('\n').find((line) => line.trim() !== '' && !line.includes('CRITICAL')) ?? '';
      resolve(signal !== null || code !== 2 ? { ok: false, crashed: true, reason: `the keychain listing stopped (${signal ?? `exit ${code}`})` } : { ok: false, crashed: false, reason: said.trim().slice(0, 160) || 'no reason given' });
    });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
