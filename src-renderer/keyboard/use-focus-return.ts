import { nextTick, onBeforeUnmount } from 'vue';

/**
 * For a dialog: when it closes, focus goes back to whatever opened it. When that is gone or
 * disabled (the Remove button of a connection being removed), to the screen's heading, so focus
 * never drops to the page. Call from the dialog's setup, while the opener still has focus.
 */
export function useFocusReturn(): void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  onBeforeUnmount(() => {
    void nextTick(() => {
      if (opener?.isConnected && !opener.matches(':disabled')) opener.focus();
      else document.querySelector<HTMLElement>('main h1')?.focus();
    });
  });
}
