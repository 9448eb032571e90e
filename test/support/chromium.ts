import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; Playwright's own browser download is not possible here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface ChromiumProfile {
  context: BrowserContext;
  profileDir: string;
  close(): Promise<void>;
}

/**
 * A browser with its profile on disk, as the real app keeps IndexedDB (Playwright's default
 * in-memory profile would make cache behaviour and timings meaningless).
 */
export async function launchChromium(options: { locale?: string; profileDir?: string } = {}): Promise<ChromiumProfile> {
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'reskontra-chromium-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    locale: options.locale ?? 'en-GB',
    viewport: { width: 1280, height: 820 },
  });
  return {
    context,
    profileDir,
    close: async () => {
      await context.close();
      if (!options.profileDir) await rm(profileDir, { recursive: true, force: true });
    },
  };
}
