import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/**
 * Which rows of a long list to put in the DOM: those in view plus a few either side, for rows
 * of one fixed height. 100,000 rows then cost a few dozen elements.
 */
export function useVirtualRows(count: Ref<number>, rowHeight: number, viewport: Ref<HTMLElement | null>, overscan = 4) {
  const scrollTop = ref(0);
  const height = ref(600);
  let observer: ResizeObserver | null = null;

  const onScroll = () => {
    scrollTop.value = viewport.value?.scrollTop ?? 0;
  };
  onMounted(() => {
    const element = viewport.value;
    if (!element) return;
    element.addEventListener('scroll', onScroll, { passive: true });
    observer = new ResizeObserver(() => {
      // Hidden (no rows match), it keeps the height it had, so it shows a full view again at once.
      if (element.clientHeight > 0) height.value = element.clientHeight;
    });
    observer.observe(element);
    height.value = element.clientHeight;
  });
  onBeforeUnmount(() => {
    viewport.value?.removeEventListener('scroll', onScroll);
    observer?.disconnect();
  });

  const start = computed(() => Math.max(0, Math.floor(scrollTop.value / rowHeight) - overscan));
  const end = computed(() => Math.min(count.value, Math.ceil((scrollTop.value + height.value) / rowHeight) + overscan));
  const paddingTop = computed(() => start.value * rowHeight);
  const paddingBottom = computed(() => Math.max(0, (count.value - end.value) * rowHeight));

  /** Brings row `index` into view (keyboard navigation). */
  function reveal(index: number): void {
    const element = viewport.value;
    if (!element) return;
    const top = index * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
  }

  function resetScroll(): void {
    // Setting scrollTop makes the browser lay out the old rows at once: only when not at the top already.
    if (scrollTop.value === 0) return;
    if (viewport.value) viewport.value.scrollTop = 0;
    scrollTop.value = 0;
  }

  return { start, end, paddingTop, paddingBottom, reveal, resetScroll };
}
