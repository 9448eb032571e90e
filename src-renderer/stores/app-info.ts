import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo } from '../../src-shared/rpc/app-methods';
import { call } from '../bridge/bridge';

/** What main says about itself (version, transport, data folder, demo mode); read once. */
export const useAppInfoStore = defineStore('appInfo', () => {
  const info = ref<AppInfo | null>(null);
  const error = ref<unknown>(null);
  let loading: Promise<void> | null = null;

  function load(): Promise<void> {
    loading ??= call('app.info', {}).then(
      (value) => {
        info.value = value;
      },
      (cause: unknown) => {
        error.value = cause;
        loading = null;
      },
    );
    return loading;
  }

  return { info, error, load };
});
