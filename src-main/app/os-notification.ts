import type { Notification } from 'electron';
import type { ShowNotification } from './app-handlers';

/**
 * Electron's notifications, for the window's news (composed and translated in the window). The
 * window itself gets no permission (the session refuses every request), so main shows them.
 * Electron's class is handed in: only the shell's entry point loads Electron.
 */
export function electronNotifications(electronNotification: typeof Notification): ShowNotification {
  return ({ title, body }) => {
    if (!electronNotification.isSupported()) return false;
    new electronNotification({ title, body }).show();
    return true;
  };
}
