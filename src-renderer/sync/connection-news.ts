/**
 * What one window tells the app's other windows and tabs about a connection: its removal has
 * begun (stop syncing it), it is gone (drop it from the list), or its cached data changed
 * (re-read it). BroadcastChannel never delivers a message to the window that sent it.
 */
export type ConnectionNews = { kind: 'removing' | 'removed' | 'changed'; connectionId: string };

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('reskontra-connections');

export function tellOtherWindows(news: ConnectionNews): void {
  channel?.postMessage(news);
}

export function onNewsFromOtherWindows(listener: (news: ConnectionNews) => void): void {
  channel?.addEventListener('message', (event: MessageEvent<ConnectionNews>) => listener(event.data));
}
