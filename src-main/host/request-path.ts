/**
 * The path of a request target split into decoded segments (`/rpc/app.info` → `['rpc',
 * 'app.info']`, `/` → `['']`), or null when it is malformed and the answer is 400: not starting
 * with a single `/`, broken percent-encoding, an empty, `.` or `..` segment, or a segment that
 * decodes to a slash, backslash or control character (`..%2f`, `%00`). Nothing that passes can
 * name a file outside the folder it is joined to. The query is ignored.
 */
export function requestPath(target: string): string[] | null {
  const path = target.split(/[?#]/, 1)[0]!;
  if (path === '/') return [''];
  if (!path.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of path.slice(1).split('/')) {
    const segment = decoded(raw);
    if (segment === null || segment === '' || segment === '.' || segment === '..' || /[/\\\u0000-\u001f\u007f]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
