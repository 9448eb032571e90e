/** Decides, request by request, which fault (if any) to inject: a seeded stream, so runs repeat. */
import { randomFor, STREAM } from '../data/prng';
import { FAULT_RATE_FIELDS, type FaultKind, type SandboxFaults } from './fault-spec';

export interface FaultDraw {
  next(): FaultKind | null;
}

export function createFaultDraw(faults: SandboxFaults, seed: number, providerSalt: number): FaultDraw {
  const active = FAULT_RATE_FIELDS.filter(({ field }) => (faults[field] ?? 0) > 0);
  let request = 0;
  return {
    next() {
      if (active.length === 0) return null;
      request += 1;
      const roll = randomFor(seed, STREAM.faults, providerSalt, request).next();
      let edge = 0;
      for (const { kind, field } of active) {
        edge += faults[field] ?? 0;
        if (roll < edge) return kind;
      }
      return null;
    },
  };
}
