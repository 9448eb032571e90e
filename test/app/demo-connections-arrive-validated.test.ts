import { describe, expect, it } from 'vitest';
import { demoConnectionsFromEnv } from '../../src-main/demo/demo-connections-from-env';
import { demoConnectionsVariable } from '../../src-shared/domain/demo-connections';

const flowtly = { provider: 'flowtly', label: 'Flowtly (demo)', baseUrl: 'http://127.0.0.1:47811/', settings: {}, secret: { apiToken: 'demo-token-123' } };

function fromEnv(value: unknown): ReturnType<typeof demoConnectionsFromEnv> {
  return demoConnectionsFromEnv({ [demoConnectionsVariable]: typeof value === 'string' ? value : JSON.stringify(value) });
}

describe('the demo connections main is handed', () => {
  it('arrive as connections.add inputs, normalised like the UI’s', () => {
    expect(fromEnv([flowtly])).toEqual([{ ...flowtly, baseUrl: 'http://127.0.0.1:47811', settings: { currency: 'EUR' } }]);
  });

  it('must be there in demo mode: main does not start sandboxes itself', () => {
    expect(() => demoConnectionsFromEnv({})).toThrow(/npm run demo/);
  });

  it('are refused when malformed, naming the field and never the secret', () => {
    expect(() => fromEnv('{not json')).toThrow(/is not JSON/);
    expect(() => fromEnv([])).toThrow(/at least one/);
    expect(() => fromEnv([flowtly, flowtly])).toThrow(/each provider once/);
    const remote = () => fromEnv([{ ...flowtly, baseUrl: 'http://example.com' }]);
    expect(remote).toThrow(/0\.baseUrl/);
    expect(remote).not.toThrow(/demo-token-123/);
    expect(() => fromEnv([{ ...flowtly, secret: {} }])).toThrow(/0\.secret\.apiToken/);
  });
});
