import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { rendererConfig } from '../../electron.vite.config';

/** The window's page built with pseudo-English (src-renderer/i18n/pseudo-locale.ts), into a folder of its own. */
export async function buildPseudoRenderer(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'reskontra-pseudo-renderer-'));
  await build({
    ...rendererConfig,
    configFile: false,
    logLevel: 'warn',
    base: './',
    define: { 'import.meta.env.RESKONTRA_PSEUDO_LOCALE': 'true' },
    build: { ...rendererConfig.build, outDir: dir, emptyOutDir: true },
  });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The page at `origin` loads its files from `dir` instead of browser mode's own build; its calls
 * to main (`/rpc/…`) still reach browser mode.
 */
export async function servePageFrom(page: Page, origin: string, dir: string): Promise<void> {
  await page.route(
    (url) => url.origin === origin && !url.pathname.startsWith('/rpc/'),
    async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = normalize(join(dir, path === '/' ? 'index.html' : decodeURIComponent(path)));
      if (!file.startsWith(dir)) return route.abort();
      const body = await readFile(file).catch(() => null);
      return body === null ? route.fulfill({ status: 404 }) : route.fulfill({ path: file });
    },
  );
}

/** Every built file's text, to look for what a build must not hold. */
export async function builtScripts(dir: string): Promise<string> {
  const files = await readdir(join(dir, 'assets'));
  const texts = await Promise.all(files.filter((name) => name.endsWith('.js')).map((name) => readFile(join(dir, 'assets', name), 'utf8')));
  return texts.join('\n');
}
