import { createReadStream } from 'node:fs';
import { constants, open, realpath, type FileHandle } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves one file of the built renderer, named by the checked segments of `requestPath`.
 * Only regular files reached without a symlink exist: a link placed inside the folder could
 * otherwise hand the page any file the user can read. The real path must be the path asked
 * for, and the file is opened with O_NOFOLLOW, so a link swapped in after the check fails too.
 */
export async function serveStatic(rootDir: string, segments: readonly string[], response: ServerResponse): Promise<boolean> {
  const relative = segments.length === 1 && segments[0] === '' ? 'index.html' : segments.join('/');
  const file = await openWithoutLinks(rootDir, relative);
  if (file === null) return false;
  response.statusCode = 200;
  response.setHeader('content-type', contentTypes[extname(relative)] ?? 'application/octet-stream');
  // Built assets carry a content hash in their names; the page itself must always be fresh.
  response.setHeader('cache-control', relative === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable');
  await new Promise<void>((resolve, reject) => {
    createReadStream('', { fd: file }).on('error', reject).pipe(response).on('finish', resolve).on('error', reject);
  });
  return true;
}

async function openWithoutLinks(rootDir: string, relative: string): Promise<FileHandle | null> {
  let handle: FileHandle | null = null;
  try {
    const expected = join(await realpath(rootDir), relative);
    if ((await realpath(expected)) !== expected) return null;
    handle = await open(expected, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    if ((await handle.stat()).isFile()) return handle;
  } catch {
    // Missing, unreadable or a link: not found either way.
  }
  await handle?.close();
  return null;
}
