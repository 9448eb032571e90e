import { onUnmounted, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { access, grants } from '../bridge/bridge';
import { useConnectionsStore } from '../stores/connections';
import { useFreshnessStore } from '../stores/freshness';
import { countByKind, showNotification } from './notify';

/**
 * Syncs every connection when the app starts (once the tab may show it) and then on the user's
 * schedule. Nothing syncs by itself before the user chose to (a welcome button, or a change in
 * Settings → Staying up to date): a profile that only ever synced by hand keeps doing so.
 */
export function useAutoSync(): void {
  const connections = useConnectionsStore();
  const freshness = useFreshnessStore();
  const { t } = useI18n();
  let timer: ReturnType<typeof setInterval> | undefined;

  // After any round (start, schedule or a button), one OS notification per kind of news.
  freshness.onChanges((changes) => {
    if (!freshness.settings.notify) return;
    for (const [kind, count] of countByKind(changes)) {
      showNotification(t('common.app.name'), t(`freshness.notifications.${kind}`, { count }, count)).catch((error: unknown) => console.error('A notification could not be shown', error));
    }
  });

  async function syncNow(): Promise<void> {
    if (!navigator.onLine || access.value !== 'granted') return;
    await connections.load();
    if (connections.connections.length === 0) return;
    if (freshness.welcomed) await freshness.syncAll(connections.connections);
  }

  watch(
    () => [access.value, grants.value] as const,
    ([now]) => {
      if (now === 'granted' && freshness.settings.syncOnStart) void syncNow();
    },
    { immediate: true },
  );
  watch(
    () => freshness.settings.everyMinutes,
    (minutes) => {
      clearInterval(timer);
      timer = minutes > 0 ? setInterval(() => void syncNow(), minutes * 60_000) : undefined;
    },
    { immediate: true },
  );
  onUnmounted(() => clearInterval(timer));
}
