import { describe, expect, it } from 'vitest';
import { baseUrlSchema } from '../../src-shared/domain/connection';

describe('connection base URLs', () => {
  it.each([
    ['https://api.aptic.example/', 'https://api.aptic.example'],
    ['https://integrations.confirmafinance.com/api/', 'https://integrations.confirmafinance.com/api'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:8080/base/', 'http://localhost:8080/base'],
  ])('accepts %s', (input, normalised) => {
    expect(baseUrlSchema.parse(input)).toBe(normalised);
  });

  it.each([
    ['http://api.aptic.example', /must start with https/],
    ['http://127.0.0.2', /must start with https/],
    ['ftp://localhost', /must start with https/],
    ['https://user:pw@api.example', /credentials, a query or a fragment/],
    ['https://api.example/?key=1', /credentials, a query or a fragment/],
    ['not a url', /not a valid URL/],
  ])('refuses %s', (input, reason) => {
    const result = baseUrlSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(reason);
  });
});
