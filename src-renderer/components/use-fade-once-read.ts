import { onUnmounted, ref, watch, type Ref, type WatchSource } from 'vue';

/** How long a state stays at full strength while the window is in view. */
const readAfterMs = 8_000;

/**
 * True once a message (a passed test, a finished sync) has been on screen long enough to be read:
 * the card then dims it. Time spent in a hidden tab or a minimised window does not count, so a
 * sync that ends while nobody looks is still plain when they come back. A new message starts over.
 */
export function useFadeOnceRead(message: WatchSource<unknown>): Ref<boolean> {
  const read = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    clearTimeout(timer);
    if (document.visibilityState === 'visible') timer = setTimeout(() => (read.value = true), readAfterMs);
  };
  const onVisibility = () => {
    if (!read.value) start();
  };
  watch(message, () => {
    read.value = false;
    start();
  });
  document.addEventListener('visibilitychange', onVisibility);
  onUnmounted(() => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });
  return read;
}
