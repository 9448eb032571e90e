import { computed, type Ref } from 'vue';

/** One page of a list: the page asked for (clamped to the last), its rows and their 1-based numbers. */
export function usePaging<Row>(rows: Readonly<Ref<readonly Row[]>>, requested: () => number, pageSize: number) {
  const pages = computed(() => Math.max(1, Math.ceil(rows.value.length / pageSize)));
  const page = computed(() => Math.min(requested(), pages.value));
  const visible = computed(() => rows.value.slice((page.value - 1) * pageSize, page.value * pageSize));
  const first = computed(() => (rows.value.length === 0 ? 0 : (page.value - 1) * pageSize + 1));
  const last = computed(() => Math.min(page.value * pageSize, rows.value.length));
  return { pages, page, visible, first, last };
}
