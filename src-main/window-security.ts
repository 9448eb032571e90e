import type { BrowserWindow, IpcMainInvokeEvent, Session } from 'electron';
import { contentSecurityPolicy } from '../src-shared/security/content-security-policy';

/** Every permission (camera, notifications, clipboard, …) is refused; the app needs none. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}

/** The window never opens another window, never navigates away and never hosts a webview. */
export function lockDownWindow(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** An IPC call is answered only when it comes from our own window's top frame showing our page. */
export function isOwnWindowCall(event: IpcMainInvokeEvent, window: BrowserWindow | null, appUrl: string): boolean {
  if (window === null || window.isDestroyed()) return false;
  if (event.sender.id !== window.webContents.id) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return frame.url.split('#')[0] === appUrl.split('#')[0];
}
