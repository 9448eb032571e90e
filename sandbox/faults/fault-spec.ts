/**
 * Which faults a sandbox injects, and how often. Rates are probabilities per authenticated API
 * request; each request draws once, so the faults are mutually exclusive and their rates add up
 * (the sum must stay at or below 1).
 */

export interface SandboxFaults {
  rate429?: number;
  rate500?: number;
  rate502?: number;
  rate503?: number;
  /** Answer correctly, but only after slowMs (meant to outlast a client's timeout). */
  slow?: number;
  slowMs?: number;
  /** Send the headers and part of the body, then destroy the socket. */
  drop?: number;
  /** 200 with a body that is not valid JSON. */
  malformed?: number;
  /** 200 with valid JSON of the wrong shape. */
  wrongShape?: number;
  /** Expire the presented token (or Confirma key) mid-sync: 401 until the client refreshes. */
  expireToken?: number;
  /**
   * Fault only writes (any method but GET): reads and syncs stay clean while, with `slow:1`, every
   * write is held `slowMs` before it is applied and answered, long enough to kill a client mid-send.
   */
  writesOnly?: boolean;
}

export type FaultKind = '429' | '500' | '502' | '503' | 'slow' | 'drop' | 'malformed' | 'wrongShape' | 'expireToken';

type RateField = Exclude<keyof SandboxFaults, 'slowMs' | 'writesOnly'>;

/** The order faults are drawn in; fixed so a seed always injects the same faults on the same requests. */
export const FAULT_RATE_FIELDS: readonly { kind: FaultKind; field: RateField }[] = [
  { kind: '429', field: 'rate429' },
  { kind: '500', field: 'rate500' },
  { kind: '502', field: 'rate502' },
  { kind: '503', field: 'rate503' },
  { kind: 'slow', field: 'slow' },
  { kind: 'drop', field: 'drop' },
  { kind: 'malformed', field: 'malformed' },
  { kind: 'wrongShape', field: 'wrongShape' },
  { kind: 'expireToken', field: 'expireToken' },
];

/** Longer than any sensible client timeout, short enough that a demo recovers. */
export const DEFAULT_SLOW_MS = 30_000;

const SPEC_KEYS: Record<string, RateField> = {
  '429': 'rate429',
  '500': 'rate500',
  '502': 'rate502',
  '503': 'rate503',
  slow: 'slow',
  drop: 'drop',
  malformed: 'malformed',
  wrongshape: 'wrongShape',
  'wrong-shape': 'wrongShape',
  shape: 'wrongShape',
  expiretoken: 'expireToken',
  'expire-token': 'expireToken',
  expire: 'expireToken',
};

/** Throws when rates are not in 0..1 or add up to more than 1. */
export function validateFaults(faults: SandboxFaults): SandboxFaults {
  let total = 0;
  for (const { field } of FAULT_RATE_FIELDS) {
    const rate = faults[field] ?? 0;
    if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new RangeError(`fault rate ${field} must be between 0 and 1, got ${rate}`);
    total += rate;
  }
  if (total > 1 + 1e-9) throw new RangeError(`fault rates add up to ${total}; each request draws one fault at most, so they must add up to 1 or less`);
  if (faults.slowMs !== undefined && (!Number.isInteger(faults.slowMs) || faults.slowMs < 0)) throw new RangeError(`slowMs must be a whole number of milliseconds, got ${faults.slowMs}`);
  return faults;
}

/**
 * "429:0.1,500:0.05,slow:0.02,slowMs:15000" -> { rate429: 0.1, rate500: 0.05, slow: 0.02, slowMs: 15000 }.
 * Keys: 429 500 502 503 slow drop malformed wrongShape expireToken, slowMs (milliseconds) and
 * writesOnly (1: fault only writes).
 */
export function parseFaults(spec: string): SandboxFaults {
  const faults: SandboxFaults = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [rawKey = '', rawValue = '', ...rest] = part.split(':').map((p) => p.trim());
    const value = Number(rawValue);
    if (rest.length > 0 || rawValue === '' || !Number.isFinite(value)) throw new SyntaxError(`fault "${part}" is not key:number (e.g. 429:0.1)`);
    const key = rawKey.toLowerCase();
    if (key === 'slowms') {
      faults.slowMs = value;
      continue;
    }
    if (key === 'writesonly') {
      faults.writesOnly = value === 1;
      continue;
    }
    const field = SPEC_KEYS[key];
    if (!field) throw new SyntaxError(`unknown fault "${rawKey}"; known: 429, 500, 502, 503, slow, slowMs, drop, malformed, wrongShape, expireToken, writesOnly`);
    faults[field] = value;
  }
  return validateFaults(faults);
}
