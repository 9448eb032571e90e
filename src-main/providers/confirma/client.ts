import { z } from 'zod';
import type { Connection } from '../../../src-shared/domain/connection';
import type { LedgerEvent } from '../../../src-shared/domain/records';
import { RpcError } from '../../../src-shared/rpc/rpc-error';
import type { SyncPage } from '../../../src-shared/rpc/sync-methods';
import type { HttpOptions } from '../http-options';
import type { ProviderClient, SecretAccess } from '../provider-client';
import { joinNormalized, type Normalized } from '../normalize-each';
import { toRpcError } from '../provider-failure';
import { createSecretRedaction } from '../secret-redaction';
import { createProviderHttp, createProviderKy, parseJson, validatePage, type Auth } from '../provider-http';
import { readBody } from '../read-body';
import { checkPagesEnd, decodeCursor, encodeCursor, unknownStream } from '../sync-cursor';
import { normalizeConfirmaCases, normalizeConfirmaPayments, normalizeConfirmaSettlement } from './normalize';
import { confirmaRenewSchema, confirmaValidateSchema } from './schema';
import { confirmaWrites } from './writes';

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
// Envelopes only: their items are read one by one (normalize.ts), so one odd item never fails a page.
const casesSchema = z.looseObject({ cases: z.array(z.unknown()) });
const paymentsSchema = z.union([
  z.array(z.unknown()),
  z.looseObject({ allocations: z.array(z.unknown()) }).transform((body) => body.allocations),
  z.looseObject({ payments: z.array(z.unknown()) }).transform((body) => body.payments),
]);
const settlementsSchema = z.looseObject({ createdAt: z.string().nullish(), settlements: z.array(z.unknown()) });

/**
 * Confirma Finance partner API. `X-Api-Key`; when Confirma answers 401 the key is renewed
 * once (`GET /renew` → `{Message: <new key>}`) and the new key is written to the keychain
 * before it is used. Streams: `cases`, `payments` (allocations not yet settled) and
 * `settlements` (one ledger event per allocation), each one page.
 */
export function createConfirmaClient(connection: ConfirmaConnection, secrets: SecretAccess, options: HttpOptions): ProviderClient {
  const redaction = createSecretRedaction();
  const { redact } = redaction;
  let key: string | null = null;
  const currentKey = async (): Promise<string> => {
    if (key === null) {
      key = ((await secrets.read()) as { apiKey: string }).apiKey;
      redaction.remember(key);
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
      const response = await renewApi.get(`${partner}/renew`, { headers: { 'x-api-key': old, accept: 'application/json' } });
      renewed = validatePage(confirmaRenewSchema, parseJson(await readBody(response, options)), 'key renewal').Message;
    } catch (error) {
      throw toRpcError('confirma', error, redact);
    }
    redaction.remember(renewed);
    key = renewed;
    await secrets.write({ apiKey: renewed });
  };
  const http = createProviderHttp({ provider: 'confirma', baseUrl: connection.baseUrl, options, auth, redact });

  return {
    provider: 'confirma',
    writes: confirmaWrites(http, connection.id, partner),
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
      // Without Confirma's own words the window says its own sentence, not this English.
      const said = result.message ? redact(result.message) : undefined;
      throw new RpcError('credentials_refused', `Confirma Finance rejected the credentials: ${said ?? 'the API key is not valid'}`, { provider: 'confirma', ...(said ? { said } : {}) });
    },
    async page(stream, cursor) {
      if (stream === 'cases') {
        const { page, done } = cursor === null ? { page: 1, done: 0 } : decodeCursor(cursor, pageCursor, stream);
        const { read, total } = await http.getJson(
          `${partner}/invoice/case`,
          (body, headers) => ({
            read: normalizeConfirmaCases(connection.id, validatePage(casesSchema, body, `cases page ${page}`).cases, redact),
            total: totalCount(headers),
          }),
          { page, pageSize: confirmaCasesPageSize },
        );
        const served = read.records.length + read.quarantined.length;
        const doneNow = done + served;
        // A short page ends the stream; so does a long one (the API then ignored the paging).
        const more = served === confirmaCasesPageSize && (total === null || doneNow < total);
        checkPagesEnd('confirma', { page, next: more ? page + 1 : null, done: doneNow, total, pageSize: confirmaCasesPageSize });
        return {
          ...read,
          nextCursor: more ? encodeCursor({ page: page + 1, done: doneNow }) : null,
          progress: total === null ? { done: doneNow } : { done: doneNow, total },
        };
      }
      if (cursor !== null) throw new RpcError('invalid_input', `Confirma stream "${stream}" has a single page; start it without a cursor.`);
      if (stream === 'payments') {
        const read = await http.getJson(`${partner}/payments`, (body) =>
          normalizeConfirmaPayments(connection.id, validatePage(paymentsSchema, body, 'payments'), redact),
        );
        return onePage(read);
      }
      if (stream === 'settlements') {
        const read = await http.getJson(`${partner}/settlements`, (body) =>
          joinNormalized(validatePage(settlementsSchema, body, 'settlements').settlements.map((item) => normalizeConfirmaSettlement(connection.id, item, redact))),
        );
        return onePage(read);
      }
      throw unknownStream('Confirma', stream);
    },
  };
}

/** A stream served in one page. */
function onePage(read: Normalized<LedgerEvent>): SyncPage {
  const served = read.records.length + read.quarantined.length;
  return { ...read, nextCursor: null, progress: { done: served, total: served } };
}
