import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * A request is ours only if it names our own loopback host (a page on another domain that
 * rebinds its DNS to 127.0.0.1 still sends its own Host) and, when the browser says where it
 * comes from, comes from our own origin.
 */
export function isAllowedHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function isAllowedOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function hasToken(request: IncomingMessage, token: string): boolean {
  const sent = request.headers['x-reskontra-token'];
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(token);
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
