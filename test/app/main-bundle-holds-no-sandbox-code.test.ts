import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every file under a folder, recursively, as text. */
function textsUnder(dir: string, extension: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(extension)) {
      const path = join(entry.parentPath, entry.name);
      texts.set(path, readFileSync(path, 'utf8'));
    }
  }
  return texts;
}

/**
 * Strings only the sandboxes say: the fault spec's rule, an injected fault, Vettig's and Flowtly's
 * write rules and the demo connection mapping. Strings rather than function names, which a bundler
 * may rename.
 */
const sandboxMarkers = [
  'each request draws one fault at most',
  'Injected by the sandbox',
  'Only an invoice purchased with recourse can be recoursed',
  'A draft invoice cannot be paid',
  'sandbox gave no',
];

describe('the production main bundle (out/main, made by npm run build)', () => {
  it('contains no sandbox code: main gets the demo connections as data', () => {
    const bundleDir = join(root, 'out', 'main');
    expect(existsSync(bundleDir), 'run npm run build first (npm test does)').toBe(true);
    const bundle = [...textsUnder(bundleDir, '.js').values()].join('\n');
    // The right files were read: main's own start-up line is in them.
    expect(bundle).toContain('Reskontra is running at');

    const sandboxSource = [...textsUnder(join(root, 'sandbox'), '.ts').values()].join('\n');
    for (const marker of sandboxMarkers) {
      expect(sandboxSource, `marker "${marker}" must come from the sandbox sources`).toContain(marker);
      expect(bundle.includes(marker), `sandbox marker "${marker}" in out/main`).toBe(false);
    }
  });
});
