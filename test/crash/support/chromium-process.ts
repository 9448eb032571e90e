import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../support/chromium';

export interface ChromiumProcess {
  pid: number;
  browser: Browser;
  context: BrowserContext;
  exited: Promise<unknown>;
  process: ChildProcess;
}

/**
 * Chromium started by us as a real process on a profile folder, and driven over CDP: Playwright's
 * launchPersistentContext hides the browser's pid, and a graceful context.close() lets Chromium
 * flush IndexedDB, which a crash does not. Its own process group, so helpers it forked can be
 * reaped after the kill.
 */
export async function startChromiumProcess(profileDir: string): Promise<ChromiumProcess> {
  const child = spawn(chromiumPath, [...chromiumArgs, '--headless', `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', '--lang=en-GB', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const errors: string[] = [];
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${errors.join('\n')}`)), 30_000);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      errors.push(line);
      const found = /^DevTools listening on (ws:\/\/\S+)$/.exec(line);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}: ${errors.join('\n')}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  // tsx (npm run crash) keeps function names with an `__name` helper that pages passed to
  // page.evaluate do not have; vitest's transform needs none.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  return { pid: child.pid!, browser, context, exited, process: child };
}

/** SIGKILL of the browser process itself, then of any helper process it left in its group. */
export async function killChromium(running: ChromiumProcess): Promise<void> {
  process.kill(running.pid, 'SIGKILL');
  await running.exited;
  await reapGroup(running.pid);
}

/** A graceful quit, as a person closing the window. */
export async function closeChromium(running: ChromiumProcess): Promise<void> {
  await running.browser.close().catch(() => undefined);
  if (running.process.exitCode === null && running.process.signalCode === null) running.process.kill('SIGTERM');
  await running.exited;
  await reapGroup(running.pid);
}

async function reapGroup(pid: number): Promise<void> {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already empty.
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
