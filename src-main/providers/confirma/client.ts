import { z } from 'zod';
import type { Connection } from '../../../src-shared/domain/connection';
import type { LedgerEvent } from '../../../src-shared/domain/records';
import { RpcError } from '../../../src-shared/rpc/rpc-error';
import { parseMinorUnits } from '../../../src-shared/money/parse-amount';
import { sumMinor } from '../../../src-shared/money/exact-sum';
import type { HttpOptions } from '../http-options';
import type { ProviderClient, SecretAccess } from '../provider-client';
import { InvalidPageError, redactor, toRpcError } from '../provider-failure';
import { createProviderHttp, createProviderKy, validatePage, type Auth } from '../provider-http';
import { decodeCursor, encodeCursor, unknownStream } from '../sync-cursor';
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
/**
 * Case paging is not in Confirma's public docs: `page` + `pageSize` (and `X-Total-Count`) is
 * what the sandbox and this client assume, kept here in one place.
 */
export const confirmaCasesPageSize = 100;
const pageCursor = z.object({ page: z.number().int().positive(), done: z.number().int().nonnegative() }).strict();

function totalCount(headers: Headers): number | null {
  const value = Number(headers.get('x-total-count') ?? Number.NaN);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}
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
    async recover(rejected) {
      const current = await currentKey();
      // Renewed since that request was sent: retry with the new key.
      if (rejected.get('x-api-key') !== current) return true;
      renewing ??= renew(current).finally(() => {
        renewing = null;
      });
      await renewing;
      return true;
    },
  };
  let renewing: Promise<void> | null = null;
  /** Swaps the expired key for a new one; the old key is dead from then on, so store at once. */
  const renew = async (old: string): Promise<void> => {
    let renewed: string;
    try {
      const body = await renewApi.get(`${partner}/renew`, { headers: { 'x-api-key': old, accept: 'application/json' } }).json();
      renewed = validatePage(confirmaRenewSchema, body, 'key renewal').Message;
    } catch (error) {
      throw toRpcError('confirma', error, redact);
    }
    known.push(renewed);
    key = renewed;
    await secrets.write({ apiKey: renewed });
  };
  const http = createProviderHttp({ provider: 'confirma', baseUrl: connection.baseUrl, options, auth, redact });

  return {
    provider: 'confirma',
    async test() {
      const validate = () => http.getJson(`${partner}/validate`, (body) => validatePage(confirmaValidateSchema, body, 'validate'));
      let result = await validate();
      if (!result.isValid) {
        // An expired key is renewed (and stored) here too; a key Confirma does not know fails.
        const headers = new Headers({ 'x-api-key': await currentKey() });
        await auth.recover(headers, 1);
        result = await validate();
      }
      if (result.isValid) return { ok: true };
      const said = redact(result.message ?? 'the API key is not valid');
      throw new RpcError('credentials_refused', `Confirma Finance rejected the credentials: ${said}`, { provider: 'confirma', said });
    },
    async page(stream, cursor) {
      if (stream === 'cases') {
        const { page, done } = cursor === null ? { page: 1, done: 0 } : decodeCursor(cursor, pageCursor, stream);
        const { records, total } = await http.getJson(
          `${partner}/invoice/case`,
          (body, headers) => ({
            records: validatePage(casesSchema, body, `cases page ${page}`).cases.map((item) => normalizeConfirmaCase(connection.id, item)),
            total: totalCount(headers),
          }),
          { page, pageSize: confirmaCasesPageSize },
        );
        const doneNow = done + records.length;
        // A short page ends the stream; so does a long one (the API then ignored the paging).
        const more = records.length === confirmaCasesPageSize && (total === null || doneNow < total);
        return {
          records,
          nextCursor: more ? encodeCursor({ page: page + 1, done: doneNow }) : null,
          progress: total === null ? { done: doneNow } : { done: doneNow, total },
        };
      }
      if (cursor !== null) throw new RpcError('invalid_input', `Confirma stream "${stream}" has a single page; start it without a cursor.`);
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
