import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here: the few app and window calls the single-instance logic makes are
// recorded by a fake (the one module tests may mock). The data-folder lock behind it is real.
const electron = vi.hoisted(() => ({
  lockGranted: true,
  calls: [] as string[],
  listeners: new Map<string, () => void>(),
  minimized: true,
  ready: null as null | Promise<void>,
  loaded: () => {},
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { id: 1, setWindowOpenHandler: () => {}, on: () => {} };
    once() {}
    on() {}
    isMinimized() {
      return electron.minimized;
    }
    restore() {
      electron.calls.push('restore');
    }
    show() {
      electron.calls.push('show');
    }
    focus() {
      electron.calls.push('focus');
    }
    isDestroyed() {
      return false;
    }
    async loadURL() {
      electron.loaded();
    }
  }
  const app = {
    getPath: () => process.env.RESKONTRA_DATA_DIR ?? '',
    setPath: () => {},
    requestSingleInstanceLock: () => {
      electron.calls.push('requestSingleInstanceLock');
      return electron.lockGranted;
    },
    on: (event: string, listener: () => void) => electron.listeners.set(event, listener),
    quit: () => electron.calls.push('quit'),
    exit: (code: number) => electron.calls.push(`exit ${code}`),
    whenReady: () => {
      electron.calls.push('whenReady');
      electron.ready = new Promise<void>((resolve) => (electron.loaded = resolve));
      return Promise.resolve();
    },
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
      webRequest: { onHeadersReceived: () => {} },
    },
  };
  return { app, BrowserWindow, dialog: {}, ipcMain: { handle: () => {} }, session, default: {} };
});

beforeEach(() => {
  vi.resetModules();
  electron.calls = [];
  electron.listeners.clear();
  process.env.RESKONTRA_DATA_DIR = mkdtempSync(join(tmpdir(), 'reskontra-single-'));
});

describe('the Electron shell, started twice', () => {
  it('the first takes the lock and, when a second starts, shows its window', async () => {
    electron.lockGranted = true;
    await import('../../src-main/index');
    await electron.ready;
    expect(electron.calls.slice(0, 2)).toEqual(['requestSingleInstanceLock', 'whenReady']);
    electron.calls = [];
    electron.listeners.get('second-instance')?.();
    expect(electron.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('the second quits without starting anything', async () => {
    electron.lockGranted = false;
    await import('../../src-main/index');
    expect(electron.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(electron.listeners.has('second-instance')).toBe(false);
  });

  it('refuses to start on a data folder a browser-mode Reskontra holds, and says where it runs', async () => {
    const { acquireInstanceLock } = await import('../../src-main/app/instance-lock');
    const held = await acquireInstanceLock(process.env.RESKONTRA_DATA_DIR!);
    if (!held.ok) throw new Error('the folder should be free');
    await held.lock.setAddress('http://127.0.0.1:47800/');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      electron.lockGranted = true;
      await import('../../src-main/index');
      await vi.waitFor(() => expect(electron.calls).toContain('exit 1'));
      expect(errors).toHaveBeenCalledWith(
        'Reskontra could not start: Reskontra is already running with this data folder at http://127.0.0.1:47800/; open that address.',
      );
      expect(electron.calls).toContain('exit 1');
    } finally {
      errors.mockRestore();
      held.lock.release();
    }
  });
});
