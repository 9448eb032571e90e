import { onMounted, ref, shallowRef, watch } from 'vue';
import { useSyncStore } from '../stores/sync';

/**
 * What a list screen reads from the cache, read when the screen opens and again after every sync,
 * with the loading and failed flags its status blocks show. `what` names it in the console.
 */
export function useCacheRead<Data>(what: string, read: () => Promise<Data>, initial: Data) {
  const sync = useSyncStore();
  const data = shallowRef(initial);
  const loading = ref(true);
  const failed = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    failed.value = false;
    try {
      data.value = await read();
    } catch (error) {
      console.error(`${what} could not be read from the cache`, error);
      failed.value = true;
    } finally {
      loading.value = false;
    }
  }
  onMounted(load);
  watch(() => sync.revision, load);
  return { data, loading, failed, load };
}
