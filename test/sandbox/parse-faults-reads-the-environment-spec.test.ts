import { describe, expect, it } from 'vitest';
import { parseFaults } from '../../sandbox/start-sandbox';

describe('parseFaults', () => {
  it('reads the SANDBOX_FAULTS form', () => {
    expect(parseFaults('429:0.1,500:0.05,slow:0.02')).toEqual({ rate429: 0.1, rate500: 0.05, slow: 0.02 });
    expect(parseFaults(' 502:0.01, 503:0.02 ,drop:0.03,malformed:0.04,wrongShape:0.05,expireToken:0.06,slowMs:1500 ')).toEqual({
      rate502: 0.01, rate503: 0.02, drop: 0.03, malformed: 0.04, wrongShape: 0.05, expireToken: 0.06, slowMs: 1500,
    });
    expect(parseFaults('')).toEqual({});
    expect(parseFaults('slow:1,slowMs:10000,writesOnly:1')).toEqual({ slow: 1, slowMs: 10_000, writesOnly: true });
  });

  it('names what is wrong with a bad spec', () => {
    expect(() => parseFaults('418:0.1')).toThrow(/unknown fault "418"/);
    expect(() => parseFaults('429')).toThrow(/key:number/);
    expect(() => parseFaults('429:lots')).toThrow(/key:number/);
    expect(() => parseFaults('500:1.5')).toThrow(/between 0 and 1/);
    expect(() => parseFaults('500:0.6,503:0.6')).toThrow(/add up to/);
    expect(() => parseFaults('slowMs:-5')).toThrow(/slowMs/);
  });
});
