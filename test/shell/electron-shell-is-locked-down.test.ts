import { beforeAll, describe, expect, it, vi } from 'vitest';
import { rpcContract } from '../../src-shared/rpc/contract';

// Electron cannot run here, so this is the one place a mock stands in: a recording fake of the
// few Electron APIs the shell touches. Everything behind the shell runs for real.
const recorded = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    handlers: new Map<string, Listener>(),
    windowOptions: null as null | { webPreferences?: Record<string, unknown> },
    windowOpenHandler: null as null | Listener,
    contentsEvents: new Map<string, Listener>(),
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    headersReceived: null as null | Listener,
    loadedUrl: '',
    exposed: [] as Array<[string, unknown]>,
    invoked: [] as unknown[][],
    ready: null as null | Promise<void>,
    loaded: () => {},
  };
  return state;
});

vi.mock('electron', () => {
  const webContents = {
    id: 7,
    setWindowOpenHandler: (handler: (...args: unknown[]) => unknown) => (recorded.windowOpenHandler = handler),
    on: (event: string, listener: (...args: unknown[]) => unknown) => recorded.contentsEvents.set(event, listener),
  };
  class BrowserWindow {
    webContents = webContents;
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      recorded.windowOptions = options;
    }
    once() {}
    on() {}
    show() {}
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      recorded.loadedUrl = url;
      recorded.loaded();
    }
  }
  let resolveReady: () => void = () => {};
  const whenReadyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  const app = {
    getPath: () => '/tmp/reskontra-electron-test-userdata',
    setPath: () => {},
    requestSingleInstanceLock: () => true,
    on: () => {},
    quit: () => {},
    exit: () => {},
    whenReady: () => {
      const ready = whenReadyPromise;
      // The shell's startup continues after whenReady resolves; the test waits until it loads the page.
      recorded.ready = new Promise<void>((resolve) => (recorded.loaded = resolve));
      setTimeout(resolveReady, 0);
      return ready;
    },
  };
  const ipcMain = {
    handle: (channel: string, listener: (...args: unknown[]) => unknown) => recorded.handlers.set(channel, listener),
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => unknown) => (recorded.permissionRequest = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => unknown) => (recorded.permissionCheck = handler),
      webRequest: {
        onHeadersReceived: (handler: (...args: unknown[]) => unknown) => (recorded.headersReceived = handler),
      },
    },
  };
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.push([key, api]) };
  const ipcRenderer = { invoke: async (...args: unknown[]) => recorded.invoked.push(args) };
  const dialog = { showSaveDialog: async () => ({ canceled: true, filePath: '' }) };
  return { app, BrowserWindow, dialog, ipcMain, session, contextBridge, ipcRenderer, default: {} };
});

beforeAll(async () => {
  process.env.RESKONTRA_DATA_DIR = (await import('node:fs')).mkdtempSync('/tmp/reskontra-shell-');
  await import('../../src-main/index');
  await recorded.ready;
});

describe('the Electron shell', () => {
  it('opens the renderer with isolation, sandbox and no Node', () => {
    const prefs = recorded.windowOptions?.webPreferences ?? {};
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click cannot open a link in a new window (window.open is denied as well).
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(recorded.loadedUrl).toMatch(/^file:.*renderer\/index\.html$/);
  });

  it('denies every new window and blocks navigation', () => {
    expect(recorded.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      recorded.contentsEvents.get(event)?.({ preventDefault }, 'https://evil.example');
      expect(preventDefault, event).toHaveBeenCalled();
    }
  });

  it('denies every permission request and check', () => {
    const callback = vi.fn();
    recorded.permissionRequest?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheck?.({}, 'notifications')).toBe(false);
  });

  it('sends the strict Content-Security-Policy with every response', async () => {
    const { contentSecurityPolicy } = await import('../../src-shared/security/content-security-policy');
    const callback = vi.fn();
    recorded.headersReceived?.({ responseHeaders: { 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] },
    });
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-');
  });

  it('registers exactly the contract’s methods on IPC', () => {
    expect([...recorded.handlers.keys()].sort()).toEqual(Object.keys(rpcContract).map((m) => `rpc:${m}`).sort());
  });

  it('answers only calls from its own window’s page', async () => {
    const handler = recorded.handlers.get('rpc:app.info')!;
    const ownFrame = { url: `${recorded.loadedUrl}#/settings`, parent: null };
    const own = await handler({ sender: { id: 7 }, senderFrame: ownFrame }, {});
    expect(own).toMatchObject({ ok: true, value: { transport: 'electron' } });

    const otherWindow = await handler({ sender: { id: 8 }, senderFrame: ownFrame }, {});
    expect(otherWindow).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const subFrame = await handler({ sender: { id: 7 }, senderFrame: { url: recorded.loadedUrl, parent: {} } }, {});
    expect(subFrame).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const foreignPage = await handler({ sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(foreignPage).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('validates IPC input like any other transport', async () => {
    const handler = recorded.handlers.get('rpc:app.info')!;
    const result = await handler({ sender: { id: 7 }, senderFrame: { url: recorded.loadedUrl, parent: null } }, { x: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the preload bridge', () => {
  it('exposes one object with call() and nothing else', async () => {
    await import('../../src-main/preload/index');
    expect(recorded.exposed).toHaveLength(1);
    const [key, api] = recorded.exposed[0]!;
    expect(key).toBe('reskontra');
    expect(Object.keys(api as object)).toEqual(['call']);
    await (api as { call(method: string, input: unknown): Promise<unknown> }).call('app.info', { a: 1 });
    expect(recorded.invoked.at(-1)).toEqual(['rpc:app.info', { a: 1 }]);
  });
});
