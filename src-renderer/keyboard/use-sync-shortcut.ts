import { onUnmounted } from 'vue';
import { access } from '../bridge/bridge';
import { useConnectionsStore } from '../stores/connections';
import { useFreshnessStore } from '../stores/freshness';
import { isSyncShortcut, typingIn } from './shortcuts';

/**
 * Ctrl+Shift+S (⌘+Shift+S on a Mac) syncs every connection from any screen, as Sync all does:
 * through the freshness round, which joins a round already running, and the sync store, which
 * never starts a second sync of a connection it (or another window) is syncing. Not while typing
 * in a field, and not behind an open dialog.
 */
export function useSyncShortcut(): void {
  const connections = useConnectionsStore();
  const freshness = useFreshnessStore();

  async function syncAll(): Promise<void> {
    await connections.load();
    if (connections.connections.length > 0) await freshness.syncAll(connections.connections);
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || !isSyncShortcut(event) || typingIn(event.target)) return;
    event.preventDefault();
    if (access.value !== 'granted' || document.querySelector('dialog[open]')) return;
    void syncAll();
  }

  document.addEventListener('keydown', onKeydown);
  onUnmounted(() => document.removeEventListener('keydown', onKeydown));
}
