import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningApp {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  output: string[];
  process: ChildProcess;
  stop(): Promise<number | null>;
}

const runningLine = /^Reskontra is running at (http:\/\/127\.0\.0\.1:(\d+))\/#token=([A-Za-z0-9_-]+)$/;

/** The line browser mode prints once it serves: origin, port and token are groups 1 to 3. Output lines go to `output`. */
export function addressLine(child: ChildProcess, output: string[]): Promise<RegExpExecArray> {
  return new Promise<RegExpExecArray>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${output.join('')}`)), 30_000);
    lines.on('line', (line) => {
      output.push(line);
      const found = runningLine.exec(line);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${output.join('\n')}`)));
  });
}

/**
 * Starts `npm run demo`'s launcher on the built app, exactly as a user would, in browser mode. A
 * given `dataDir` (a restart on the same data) is the caller's to delete; a fresh one is deleted by `stop`.
 */
export async function startBrowserMode(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}, givenDataDir?: string): Promise<RunningApp> {
  const dataDir = givenDataDir ?? (await mkdtemp(join(tmpdir(), 'reskontra-data-')));
  const child = spawn(process.execPath, ['scripts/start-demo.mjs', ...extraArgs], {
    env: { ...process.env, RESKONTRA_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const match = await addressLine(child, output);

  return {
    url: `${match[1]}/#token=${match[3]}`,
    origin: match[1]!,
    token: match[3]!,
    dataDir,
    output,
    process: child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      const code = await exited;
      if (!givenDataDir) await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
