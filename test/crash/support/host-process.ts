import { spawn, type ChildProcess } from 'node:child_process';
import { addressLine } from '../../support/browser-mode';

export interface HostProcess {
  url: string;
  origin: string;
  token: string;
  port: number;
  pid: number;
  output: string[];
  /** Resolves with the exit code, or the signal's name. */
  exited: Promise<number | string | null>;
  process: ChildProcess;
}

/**
 * Browser mode's main as a real child process on a given data folder, so it can be SIGKILLed and
 * started again on the same folder. Port 0 the first time; the same port after a restart, since the
 * page's origin (and so its IndexedDB cache) is tied to it.
 */
export async function startHostProcess(dataDir: string, port = 0): Promise<HostProcess> {
  const child = spawn(process.execPath, ['scripts/start-demo.mjs', '--browser', '--port', String(port)], {
    env: { ...process.env, RESKONTRA_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const match = await addressLine(child, output);
  return {
    url: `${match[1]}/#token=${match[3]}`,
    origin: match[1]!,
    token: match[3]!,
    port: Number(match[2]),
    pid: child.pid!,
    output,
    exited,
    process: child,
  };
}

/** SIGKILL: no handler runs, nothing is flushed or closed. */
export async function killHost(host: HostProcess): Promise<void> {
  process.kill(host.pid, 'SIGKILL');
  await host.exited;
}

/** The graceful stop a user gives with Ctrl-C. */
export async function stopHost(host: HostProcess): Promise<void> {
  if (host.process.exitCode === null && host.process.signalCode === null) host.process.kill('SIGINT');
  await host.exited;
}
