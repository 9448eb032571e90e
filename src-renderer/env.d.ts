/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

interface ImportMetaEnv {
  /** True only in the renderer the pseudo-locale test builds (src-renderer/i18n/pseudo-locale.ts); the app's build sets it false. */
  readonly RESKONTRA_PSEUDO_LOCALE?: boolean;
}
