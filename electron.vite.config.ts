import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import type { UserConfig } from 'vite';
import { contentSecurityPolicyMeta } from './src-shared/security/content-security-policy';

const root = import.meta.dirname;

/** The window's page; the pseudo-locale test builds it again with its own outDir and flag. */
export const rendererConfig = {
  root: resolve(root, 'src-renderer'),
  // resources/ holds the app icon, served as the page's icon too.
  publicDir: resolve(root, 'resources'),
  plugins: [
    vue(),
    {
      name: 'reskontra-csp',
      transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', contentSecurityPolicyMeta),
    },
  ],
  // The pseudo locale is for its test's own build only (test/support/pseudo-renderer.ts): never the app's.
  define: { 'import.meta.env.RESKONTRA_PSEUDO_LOCALE': 'false' },
  build: {
    outDir: resolve(root, 'out/renderer'),
    rolldownOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
  },
} satisfies UserConfig;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          // The Electron shell, and the same RPC table served over loopback HTTP where Electron cannot run.
          index: resolve(root, 'src-main/index.ts'),
          'browser-mode': resolve(root, 'src-main/host/browser-mode.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
