import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appHandlers } from '../../src-main/app/app-handlers';
import { electronNotifications } from '../../src-main/app/os-notification';
import { rpcContract } from '../../src-shared/rpc/contract';

// Electron cannot run here: a recording fake of its Notification, the one API this part touches.
const electron = vi.hoisted(() => ({ supported: true, shown: [] as Array<{ title: string; body: string }> }));
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => electron.supported;
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      electron.shown.push(this.options);
    }
  },
}));

const { Notification } = await import('electron');
const showElectronNotification = electronNotifications(Notification);
const context = { name: 'Reskontra', version: 'test', transport: 'electron' as const, dataDir: '/tmp/none', demo: false };

beforeEach(() => {
  electron.supported = true;
  electron.shown.length = 0;
});

describe('OS notifications from the window', () => {
  it('are shown by main through Electron’s Notification', async () => {
    const handlers = appHandlers(context, showElectronNotification);
    expect(await handlers['app.notify']({ title: 'Reskontra', body: '3 invoices became overdue' })).toEqual({ shown: true });
    expect(electron.shown).toEqual([{ title: 'Reskontra', body: '3 invoices became overdue' }]);
  });

  it('say they were not shown where the OS has none, or where main has no shell (browser mode)', async () => {
    electron.supported = false;
    expect(await appHandlers(context, showElectronNotification)['app.notify']({ title: 'Reskontra', body: 'x' })).toEqual({ shown: false });
    expect(await appHandlers({ ...context, transport: 'browser' })['app.notify']({ title: 'Reskontra', body: 'x' })).toEqual({ shown: false });
    expect(electron.shown).toEqual([]);
  });

  it('take only a short title and body from the window', () => {
    const input = rpcContract['app.notify'].input;
    expect(input.safeParse({ title: 'Reskontra', body: 'ok' }).success).toBe(true);
    expect(input.safeParse({ title: '', body: 'ok' }).success).toBe(false);
    expect(input.safeParse({ title: 'Reskontra', body: 'x'.repeat(1001) }).success).toBe(false);
    expect(input.safeParse({ title: 'Reskontra', body: 'ok', icon: 'file:///etc/passwd' }).success).toBe(false);
  });
});
