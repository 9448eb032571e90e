import { randomBytes } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the echo provider writes back what it received. */
export const echoModes = [
  'raw',
  'uri',
  'form',
  'double-uri',
  'base64',
  'base64url',
  'basic-pair',
  'pair-without-basic',
  'json-escaped',
  'json-unicode',
  'prefix',
  'suffix',
  'whole-request',
  'base64-request',
] as const;
export type EchoMode = (typeof echoModes)[number];

/** Where the echo sits in the error: problem details, a message field, hydra, or plain text. */
export const echoFormats = ['problem', 'message', 'hydra', 'text'] as const;
export type EchoFormat = (typeof echoFormats)[number];

export interface EchoProvider {
  baseUrl: string;
  tokenPath: string;
  mode: EchoMode;
  format: EchoFormat;
  status: number;
  /** Also refuse the token request (echoing it), instead of granting a token. */
  refuseTokens: boolean;
  /** Every bearer token it granted (secrets too: none may be shown). */
  tokens: string[];
  close(): Promise<void>;
}

/**
 * A hostile provider on 127.0.0.1 (port 0): it grants OAuth tokens, then answers every call
 * with an error that echoes what it received — credential headers, the query, the form body —
 * in the encoding `mode` names, inside the error shape `format` names.
 */
export async function startEchoProvider(): Promise<EchoProvider> {
  const provider: EchoProvider = {
    baseUrl: '',
    tokenPath: '/oauth/token',
    mode: 'raw',
    format: 'problem',
    status: 400,
    refuseTokens: false,
    tokens: [],
    close: async () => undefined,
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', 'http://echo.invalid');
      if (url.pathname === provider.tokenPath && !provider.refuseTokens) {
        const token = `tok-${randomBytes(18).toString('base64')}`;
        provider.tokens.push(token);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, expires_in: 3600 }));
        return;
      }
      const form = new URLSearchParams(body);
      const values = [
        request.headers['authorization']?.replace(/^Bearer /, ''),
        request.headers['x-api-key'],
        form.get('client_id'),
        form.get('client_secret'),
      ].filter((value): value is string => typeof value === 'string' && value !== '');
      const pair = form.get('client_id') !== null ? `${form.get('client_id')}:${form.get('client_secret')}` : null;
      const whole = `${request.method} ${request.url} authorization=${request.headers['authorization'] ?? ''} x-api-key=${String(request.headers['x-api-key'] ?? '')} ${body}`;
      const said = `received ${echo(provider.mode, values, pair, whole)}`;
      respond(response, provider, said);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return provider;
}

function respond(response: ServerResponse, provider: EchoProvider, said: string): void {
  const status = provider.status;
  switch (provider.format) {
    case 'problem':
      response
        .writeHead(status, { 'content-type': 'application/problem+json' })
        .end(JSON.stringify({ type: 'about:blank', title: 'Bad request', status, detail: said }));
      return;
    case 'message':
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: said }));
      return;
    case 'hydra':
      response.writeHead(status, { 'content-type': 'application/ld+json' }).end(JSON.stringify({ 'hydra:title': 'An error occurred', 'hydra:description': said }));
      return;
    case 'text':
      response.writeHead(status, { 'content-type': 'text/plain' }).end(said.slice(0, 200));
  }
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function echo(mode: EchoMode, values: string[], pair: string | null, whole: string): string {
  const each = (encode: (value: string) => string) => values.map(encode).join(' ');
  switch (mode) {
    case 'raw':
      return each((value) => value);
    case 'uri':
      return each(encodeURIComponent);
    case 'form':
      return each((value) => new URLSearchParams({ v: value }).toString().slice(2));
    case 'double-uri':
      return each((value) => encodeURIComponent(encodeURIComponent(value)));
    case 'base64':
      return each(base64);
    case 'base64url':
      return each((value) => Buffer.from(value, 'utf8').toString('base64url'));
    case 'basic-pair':
      return `Authorization: Basic ${base64(pair ?? `client:${values[0] ?? ''}`)}`;
    case 'pair-without-basic':
      return `credentials ${base64(pair ?? `client:${values[0] ?? ''}`)}`;
    case 'json-escaped':
      return each((value) => JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/'));
    case 'json-unicode':
      return each((value) => value.replace(/[^A-Za-z0-9]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
    case 'prefix':
      return each((value) => `${value.slice(0, 12)}…`);
    case 'suffix':
      return each((value) => `…${value.slice(-12)}`);
    case 'whole-request':
      return whole;
    case 'base64-request':
      return base64(whole);
  }
}
