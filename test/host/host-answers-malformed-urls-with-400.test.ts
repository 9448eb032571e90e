import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, testToken } from '../support/host';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host.close();
});

/**
 * Sends the request line byte for byte over a socket (Node's http client refuses to send most
 * malformed paths) and answers the status code, or 0 when the server closed without one.
 */
function statusFor(method: string, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1');
    socket.setTimeout(5_000, () => socket.destroy());
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const statusLine = /^HTTP\/1\.1 (\d{3})/.exec(Buffer.concat(chunks).toString('latin1'));
      resolve(statusLine ? Number(statusLine[1]) : 0);
    });
    const body = method === 'POST' ? '{}' : '';
    // write, not end: a half-closed socket may be dropped before the answer; connection: close ends it.
    socket.write(
      Buffer.concat([
        Buffer.from(`${method} `, 'latin1'),
        Buffer.from(target, 'utf8'),
        Buffer.from(
          ` HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nx-reskontra-token: ${testToken}\r\n` +
            `content-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
          'latin1',
        ),
      ]),
    );
  });
}

describe('browser-mode host, malformed request URLs', () => {
  it.each([
    ['GET', '/%'],
    ['GET', '/%E0%A4%A'],
    ['GET', '/..%2f'],
    ['GET', '/..%2findex.html'],
    ['GET', '//'],
    ['GET', '//evil.example/index.html'],
    ['GET', '/%00'],
    ['GET', '/index.html%00.js'],
    ['GET', '/a%5c..%5cindex.html'],
    ['GET', '/./index.html'],
    ['POST', '/rpc/%'],
    ['POST', '/rpc/app.info%E0%A4%A'],
    ['POST', '/rpc/app%00.info'],
  ])('answers %s %s with 400', async (method, target) => {
    expect(await statusFor(method, target)).toBe(400);
  });

  it('still serves the page and answers calls', async () => {
    expect(await statusFor('GET', '/')).toBe(200);
    expect(await statusFor('GET', '/index.html?x=%')).toBe(200);
    expect(await statusFor('GET', '/app.js')).toBe(200);
    expect(await statusFor('POST', '/rpc/app.info')).toBe(200);
    expect(await statusFor('POST', '/rpc/app%2Einfo')).toBe(200);
  });

  it('never answers 500 to any URL made of the pieces that break decoders', async () => {
    const piece = fc.constantFrom(
      '/', '//', '.', '..', '%', '%2', '%2f', '%2F', '%5c', '%00', '%0a', '%E0%A4%A', '%E0%A4%A4', '%C0%AF', '%FF',
      '%ZZ', '?', '#', '\\', 'rpc', 'rpc/', 'app.info', 'index.html', 'app.js', '€', '\u0000', '\t', ';', '@', ':', '*', '~',
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'HEAD'), fc.array(piece, { maxLength: 8 }), fc.boolean(), async (method, pieces, leadingSlash) => {
        const target = `${leadingSlash ? '/' : ''}${pieces.join('')}`;
        const status = await statusFor(method, target);
        expect(status, `${method} ${JSON.stringify(target)}`).toBeGreaterThan(0);
        expect(status, `${method} ${JSON.stringify(target)}`).toBeLessThan(500);
      }),
      { numRuns: 400, seed: 12 },
    );
  });
});
