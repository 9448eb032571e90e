import { z } from 'zod';
import type { Connection } from '../../../src-shared/domain/connection';
import type { LedgerEvent } from '../../../src-shared/domain/records';
import { RpcError } from '../../../src-shared/rpc/rpc-error';
import { parseMinorUnits } from '../../../src-shared/money/parse-amount';
import { sumMinor } from '../../../src-shared/money/money';
import type { HttpOptions } from '../http-options';
import type { ProviderClient, SecretAccess } from '../provider-client';
import { InvalidPageError, redactor, toRpcError } from '../provider-failure';
import { createProviderHttp, createProviderKy, validatePage, type Auth } from '../provider-http';
import { unknownStream } from '../sync-cursor';
import { normalizeConfirmaAllocation, normalizeConfirmaCase } from './normalize';
import {
  confirmaAllocationSchema,
  confirmaCaseSchema,
  confirmaRenewSchema,
  confirmaSettlementSchema,
  confirmaValidateSchema,
  type ConfirmaSettlement,
} from './schema';

type ConfirmaConnection = Extract<Connection, { provider: 'confirma' }>;

const partner = 'api/v1/partner';
const casesSchema = z.looseObject({ cases: z.array(confirmaCaseSchema) });
const paymentsSchema = z.union([
  z.array(confirmaAllocationSchema),
  z.looseObject({ allocations: z.array(confirmaAllocationSchema) }).transform((body) => body.allocations),
  z.looseObject({ payments: z.array(confirmaAllocationSchema) }).transform((body) => body.payments),
]);
const settlementsSchema = z.looseObject({ createdAt: z.string().nullish(), settlements: z.array(confirmaSettlementSchema) });

/**
 * Confirma Finance partner API. `X-Api-Key`; when Confirma answers 401 the key is renewed
 * once (`GET /renew` → `{Message: <new key>}`) and the new key is written to the keychain
 * before it is used. Streams: `cases`, `payments` (allocations not yet settled) and
 * `settlements` (one ledger event per allocation), each one page.
 */
export function createConfirmaClient(connection: ConfirmaConnection, secrets: SecretAccess, options: HttpOptions): ProviderClient {
  const known: string[] = [];
  const redact = redactor(() => known);
  let key: string | null = null;
  const currentKey = async (): Promise<string> => {
    if (key === null) {
      key = ((await secrets.read()) as { apiKey: string }).apiKey;
      known.push(key);
    }
    return key;
  };
  const renewApi = createProviderKy(connection.baseUrl, options);
  const auth: Auth = {
    async apply(headers) {
      headers.set('x-api-key', await currentKey());
    },
    async recover() {
      const old = await currentKey();
      let renewed: string;
      try {
        const body = await renewApi.get(`${partner}/renew`, { headers: { 'x-api-key': old, accept: 'application/json' } }).json();
        renewed = validatePage(confirmaRenewSchema, body, 'key renewal').Message;
      } catch (error) {
        throw toRpcError('confirma', error, redact);
      }
      known.push(renewed);
      await secrets.write({ apiKey: renewed });
      key = renewed;
      return true;
    },
  };
  const http = createProviderHttp({ provider: 'confirma', baseUrl: connection.baseUrl, options, auth, redact });

  return {
    provider: 'confirma',
    async test() {
      const result = await http.getJson(`${partner}/validate`, (body) => validatePage(confirmaValidateSchema, body, 'validate'));
      return result.isValid ? { ok: true } : { ok: false, reason: redact(result.message ?? 'Confirma says the API key is not valid.') };
    },
    async page(stream, cursor) {
      if (cursor !== null) throw new RpcError('invalid_input', `Confirma stream "${stream}" has a single page; start it without a cursor.`);
      if (stream === 'cases') {
        const records = await http.getJson(`${partner}/invoice/case`, (body) =>
          validatePage(casesSchema, body, 'cases').cases.map((item) => normalizeConfirmaCase(connection.id, item)),
        );
        return { records, nextCursor: null, progress: { done: records.length, total: records.length } };
      }
      if (stream === 'payments') {
        const records = await http.getJson(`${partner}/payments`, (body) =>
          validatePage(paymentsSchema, body, 'payments').map((allocation) => normalizeConfirmaAllocation(connection.id, allocation, null)),
        );
        return { records, nextCursor: null, progress: { done: records.length, total: records.length } };
      }
      if (stream === 'settlements') {
        const records = await http.getJson(`${partner}/settlements`, (body) =>
          validatePage(settlementsSchema, body, 'settlements').settlements.flatMap((settlement) =>
            settlementEvents(connection.id, settlement),
          ),
        );
        return { records, nextCursor: null, progress: { done: records.length, total: records.length } };
      }
      throw unknownStream('Confirma', stream);
    },
  };
}

/** A settlement's allocations as ledger events, after checking they add up to what was paid out. */
function settlementEvents(connectionId: string, settlement: ConfirmaSettlement): LedgerEvent[] {
  const events = settlement.allocations.map((allocation) => normalizeConfirmaAllocation(connectionId, allocation, settlement));
  const record = `Confirma settlement ${settlement.settlementId}`;
  const paidOut = parseMinorUnits(settlement.settlementAmount, settlement.currency, { record, field: 'settlementAmount' });
  const allocated = sumMinor(events.filter((event) => event.currency === settlement.currency).map((event) => event.amount));
  if (allocated !== paidOut) {
    throw new InvalidPageError(`${record}: field settlementAmount: the allocations add up to a different amount`);
  }
  return events;
}
