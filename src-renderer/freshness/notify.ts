import { call } from '../bridge/bridge';
import type { Change, ChangeKind } from './what-changed';

export type NotificationAccess = NotificationPermission | 'unavailable';

/** Inside Electron main shows them (the OS decides); in a browser, the Notifications API's permission. */
export function notificationPermission(): NotificationAccess {
  if (window.reskontra) return 'granted';
  return typeof Notification === 'undefined' ? 'unavailable' : Notification.permission;
}

export async function requestNotificationPermission(): Promise<NotificationAccess> {
  if (window.reskontra || typeof Notification === 'undefined') return notificationPermission();
  return Notification.requestPermission();
}

/** How many of each kind a sync brought: one notification per kind, not one per invoice. */
export function countByKind(changes: readonly Change[]): [ChangeKind, number][] {
  const counts = new Map<ChangeKind, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  return [...counts.entries()];
}

/** Shows one OS notification; false where the platform has none or the user has not allowed them. */
export async function showNotification(title: string, body: string): Promise<boolean> {
  if (window.reskontra) return (await call('app.notify', { title, body })).shown;
  if (notificationPermission() !== 'granted') return false;
  new Notification(title, { body, tag: `reskontra-${body}` });
  return true;
}
