import { onBeforeUnmount, shallowRef, watch, type ShallowRef } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import type { QueryCodec } from './query-fields';

export interface ListQueryOptions<State> {
  /** Values every change starts from unless it names them (a new filter goes back to page 1). */
  resetOnChange?: Partial<State>;
  /**
   * Milliseconds the address lags behind the screen. The state on screen changes at once; a
   * navigation per keystroke would sit on the search-as-you-type path.
   */
  addressDelay?: number;
  /** localStorage key under which the last address is kept, for `restoreRemembered`. */
  rememberAs?: string;
}

export interface ListQuery<State> {
  state: Readonly<ShallowRef<State>>;
  update(changes: Partial<State>): void;
  /** A bare address (e.g. after a restart) gets the remembered one back. */
  restoreRemembered(): Promise<void>;
}

/** A list screen's filter, sort and page, kept in the address (`?from=…&page=2`) and read back from it. */
export function useListQuery<State>(codec: QueryCodec<State>, options: ListQueryOptions<State> = {}): ListQuery<State> {
  const route = useRoute();
  const router = useRouter();
  const state = shallowRef(codec.read(route.query));
  let addressUpdate: ReturnType<typeof setTimeout> | undefined;
  /** The address this list last wrote, as the codec writes it, to tell its own writes from navigation. */
  let written: string | null = null;
  const canonical = (query: LocationQuery) => JSON.stringify(codec.write(codec.read(query)));
  watch(
    () => route.query,
    (query) => {
      // Our own (delayed) write arriving: the state on screen is already that or newer (more typing).
      if (canonical(query) === written) return;
      // Anything else (a link, back, an address typed or opened) wins over a write still waiting,
      // which would otherwise undo it a moment later with the old filter.
      clearTimeout(addressUpdate);
      addressUpdate = undefined;
      state.value = codec.read(query);
    },
  );
  onBeforeUnmount(() => clearTimeout(addressUpdate));

  function writeAddress(next: State): void {
    const query = codec.write(next);
    written = JSON.stringify(query);
    if (options.rememberAs) window.localStorage.setItem(options.rememberAs, JSON.stringify(query));
    void router.replace({ query });
  }

  function update(changes: Partial<State>): void {
    const next = { ...state.value, ...options.resetOnChange, ...changes };
    if (!options.addressDelay) {
      state.value = next;
      return writeAddress(next);
    }
    state.value = next;
    clearTimeout(addressUpdate);
    addressUpdate = setTimeout(() => {
      addressUpdate = undefined;
      writeAddress(next);
    }, options.addressDelay);
  }

  async function restoreRemembered(): Promise<void> {
    const key = options.rememberAs;
    const saved = key ? window.localStorage.getItem(key) : null;
    if (!key || !saved || Object.keys(route.query).length > 0) return;
    try {
      await router.replace({ query: JSON.parse(saved) as Record<string, string | string[]> });
    } catch {
      window.localStorage.removeItem(key);
    }
  }

  return { state, update, restoreRemembered };
}
