import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeConfirmaPayments, normalizeConfirmaSettlement } from '../../src-main/providers/confirma/normalize';
import { flowtlyRowsVat } from '../../src-main/providers/flowtly/invoice-rows';
import { defaultHttpOptions } from '../../src-main/providers/http-options';
import { createProviderHttp } from '../../src-main/providers/provider-http';
import { checkPagesEnd } from '../../src-main/providers/sync-cursor';
import type { CachedQuarantine } from '../../src-renderer/db/cache-database';
import { errorSentence, type Translate } from '../../src-renderer/i18n/error-message';
import { createAppI18n } from '../../src-renderer/i18n/i18n';
import type { Locale } from '../../src-renderer/i18n/locales';
import { quarantineReason, type FormatCount } from '../../src-renderer/i18n/record-problem';
import { formatCount, intlLocale } from '../../src-renderer/format/use-format';
import { repeatedPageCheck } from '../../src-renderer/sync/repeated-pages';
import type { QuarantinedRecord } from '../../src-shared/domain/records';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { startMutatedProviderServer, type MutatedProviderServer } from '../providers/support/mutated-provider-server';
import { createRpcHarness, type RpcHarness } from '../providers/support/rpc-harness';

// Runs under scripts/with-keyring.sh. Besides a field it cannot read, main refuses what does not
// hold together: an Aptic detail of another invoice, a Confirma breakdown or settlement that does
// not add up, a Flowtly payment whose invoice says no number, a row too large to hold exactly.
// Each carries a code beside its English, so the screens say it in the app's language.

function sentence(locale: Locale): Translate {
  return createAppI18n(locale).global.t as Translate;
}

function counts(locale: Locale): FormatCount {
  return (value) => formatCount(intlLocale(locale), value);
}

function reasons(locale: Locale, quarantined: readonly QuarantinedRecord[]): string[] {
  const t = sentence(locale);
  return quarantined.map((entry) => quarantineReason(t, { ...entry, connectionId: 'c1', stream: 'payments' } as CachedQuarantine, counts(locale)));
}

/** An error as the cache keeps it (syncState.lastError) and reads it back. */
function stored(body: unknown): RpcError {
  return RpcError.fromBody(body as ReturnType<RpcError['toBody']>);
}

const allocation = (id: string, capital: number, total = capital + 3) => ({
  allocationId: id, allocatedTotalAmount: total, allocationDate: '2025-02-01', currency: 'SEK', caseId: 1, originalInvoiceNumber: '20001', originalPaymentReference: 'OCR 1',
  breakdown: [{ type: 'CAPITAL', amount: capital }, { type: 'INTEREST', amount: 2 }, { type: 'FEES', amount: 1 }],
});
const settlement = (settlementAmount: unknown, allocations: unknown[]) => ({
  settlementId: 's-1', settlementDate: '2025-02-10', agency: 'Confirma', remittanceReference: 'R-1', beneficiary: null, settlementAmount, currency: 'SEK', allocations,
});
const keep = (text: string) => text;

describe('Confirma allocations that do not add up say why in the app language', () => {
  it('an allocation whose breakdown misses its total', () => {
    const { quarantined } = normalizeConfirmaPayments('c1', [allocation('a-1', 10, 99)], keep);
    expect(quarantined.map((entry) => entry.problem)).toEqual([{ code: 'breakdown' }]);
    expect(reasons('sv', quarantined)).toEqual(['Kapital, ränta och avgifter summerar inte till det fördelade beloppet.']);
    expect(reasons('fi', quarantined)).toEqual(['Pääoma, korko ja kulut eivät täsmää kohdistettuun summaan.']);
  });

  it('every allocation of a settlement that cannot vouch for them', () => {
    const unchecked = normalizeConfirmaSettlement('c1', settlement(116, [allocation('a-1', 10), allocation('a-2', 10, 99)]), keep).quarantined;
    const otherSum = normalizeConfirmaSettlement('c1', settlement(14, [allocation('a-1', 10)]), keep).quarantined;
    const unreadable = normalizeConfirmaSettlement('c1', settlement('secret-token-1', [allocation('a-1', 10)]), (text) => text.replaceAll('secret-token-1', '[redacted]')).quarantined;
    expect([...unchecked, ...otherSum, ...unreadable].map((entry) => entry.problem)).toEqual([
      { code: 'settlementUnchecked' },
      { code: 'settlementUnchecked' },
      { code: 'settlementSum' },
      { code: 'settlement', problem: { code: 'amount', field: 'settlementAmount', value: '[redacted]' } },
    ]);
    expect(reasons('nl', [unchecked[0]!, ...otherSum, ...unreadable])).toEqual([
      'Een andere toewijzing van de afrekening kon niet worden gelezen, dus geen kan worden gecontroleerd tegen wat de afrekening uitbetaalde.',
      'De toewijzingen van de afrekening tellen op tot een ander bedrag dan de afrekening uitbetaalde.',
      'De afrekening kon niet worden gelezen, dus geen van haar toewijzingen is betrouwbaar: Veld settlementAmount: “[redacted]” is geen bedrag.',
    ]);
    expect(reasons('sv', otherSum)).toEqual(['Fördelningarna i dess avräkning summerar till ett annat belopp än avräkningen betalade ut.']);
  });
});

describe('a Flowtly row too large to hold exactly', () => {
  it('fails its page with a sentence in the app language', async () => {
    const http = createProviderHttp({ provider: 'flowtly', baseUrl: 'http://127.0.0.1:9', options: defaultHttpOptions, auth: { apply: async () => undefined, recover: async () => false }, redact: keep });
    // An embedded row: read at once, no call made.
    const row = { id: 2, quantity: '9000000000', netPrice: '1000000000', netDiscountAmount: null, vatRate: 25 };
    const thrown = await flowtlyRowsVat(http, keep)([{ number: '7', currency: 'SEK', rows: [{ row }] }]).then(() => null, (error: unknown) => error);
    expect(thrown).toBeInstanceOf(RpcError);
    const error = stored((thrown as RpcError).toBody());
    expect(error.details?.problem).toEqual({ code: 'rowTooLarge', part: 'net' });
    expect(errorSentence(sentence('sv'), error, counts('sv'))).toContain('”Radens nettobelopp är för stort för att hållas exakt.”');
    expect(errorSentence(sentence('en'), error, counts('en'))).toContain('“The row’s net amount is too large to hold exactly.”');
  });
});

/** What `check` threw, as the cache keeps it and reads it back. */
function thrownBy(check: () => void): RpcError {
  try {
    check();
  } catch (error) {
    return stored((error as RpcError).toBody());
  }
  throw new Error('nothing was thrown');
}

describe('pages that never end say so in the app language', () => {
  it('a page pointing back, more than the total, more than a walk holds, pages of records already sent', () => {
    const walk = { page: 3, next: 4, done: 120, total: 100, pageSize: 10 };
    const errors = [
      thrownBy(() => checkPagesEnd('flowtly', { ...walk, next: 2, total: null })),
      thrownBy(() => checkPagesEnd('confirma', walk)),
      thrownBy(() => checkPagesEnd('aptic', { ...walk, total: null, limit: { most: 100, of: 'pages', problem: { code: 'pastEventPages', most: 100, invoice: '40001' } } })),
      thrownBy(() => checkPagesEnd('flowtly', { ...walk, total: null, done: 5_000_001 })),
      thrownBy(() => {
        const check = repeatedPageCheck('aptic');
        const page = { records: [{ kind: 'invoice', providerRef: 'guid-1' }], quarantined: [], nextCursor: null } as never;
        check(page);
        check(page);
      }),
    ];
    expect(errors.map((error) => errorSentence(sentence('sv'), error, counts('sv')))).toEqual([
      'Flowtly skickade en sida som Reskontra inte kan läsa: ”Sidan efter sida 3 pekar tillbaka på sida 2.”. Inget från den sidan sparades; allt som synkats tidigare finns kvar.',
      'Confirma Finance skickade en sida som Reskontra inte kan läsa: ”Sidorna tar inte slut: 120 poster, fler än de 100 som angavs.”. Inget från den sidan sparades; allt som synkats tidigare finns kvar.',
      'Aptic skickade en sida som Reskontra inte kan läsa: ”Sidorna tar inte slut efter 100 sidor händelser för faktura 40001.”. Inget från den sidan sparades; allt som synkats tidigare finns kvar.',
      'Flowtly skickade en sida som Reskontra inte kan läsa: ”Sidorna tar inte slut efter 5 000 000 poster.”. Inget från den sidan sparades; allt som synkats tidigare finns kvar.',
      'Aptic skickade en sida som Reskontra inte kan läsa: ”Sidorna innehåller bara poster som redan skickats.”. Inget från den sidan sparades; allt som synkats tidigare finns kvar.',
    ]);
  });
});

describe('answers that do not fit what was asked, through sync.page', () => {
  let harness: RpcHarness;
  let server: MutatedProviderServer;
  beforeAll(async () => {
    harness = await createRpcHarness();
    server = await startMutatedProviderServer();
  });
  afterAll(async () => {
    await server.close();
    await harness.close();
  });

  it('an Aptic invoice detail of another invoice, or of none, fails the page in the app language', async () => {
    const item = { invoiceGuid: 'guid-1', invoiceNumber: '40001', customerName: 'Acme AB', invoiceDate: '2025-01-01', dueDate: '2025-01-31', currencyCode: 'SEK', originalPrincipal: 100, remainingPrincipal: 100, paidSum: 0, remainingSum: 100, status: 2, financeStatus: 0, purchased: false };
    let detail: unknown = { invoiceNumber: '40002', debts: [] };
    server.routes.splice(0, server.routes.length,
      (url) => (url.pathname === '/v1/Invoices' ? { body: { count: 1, skip: 0, total: 1, value: [item] } } : null),
      (url) => (url.pathname === '/v1/Invoices/guid-1' ? { body: detail } : null),
    );
    const connection = await harness.expectOk('connections.add', { provider: 'aptic', label: 'Aptic', baseUrl: server.baseUrl, settings: { tokenPath: '/login/oauth/access_token' }, secret: { clientId: 'id', clientSecret: 'secret' } });
    const page = async () => {
      const result = await harness.call('sync.page', { connectionId: connection.id, stream: 'invoices', cursor: null });
      if (result.ok) throw new Error('the page was read');
      return stored(result.error);
    };
    const other = await page();
    expect(other.details?.problem).toEqual({ code: 'otherDetail', invoice: '40001', other: '40002' });
    expect(errorSentence(sentence('sv'), other, counts('sv'))).toContain('”Svaret för faktura 40001 är uppgifterna för faktura 40002.”');
    detail = { customer: 'Acme AB' };
    const none = await page();
    expect(none.details?.problem).toEqual({ code: 'notDetail', invoice: '40001' });
    expect(errorSentence(sentence('fi'), none, counts('fi'))).toContain('Laskun 40001 vastaus ei ole laskun tiedot.');
  }, 60_000);

  it('a Flowtly payment whose invoice has no readable number is quarantined with a code', async () => {
    const at = '2025-01-15T10:00:00+00:00';
    server.routes.splice(0, server.routes.length,
      (url) => (url.pathname === '/invoice-transactions' ? { body: { 'hydra:member': [{ id: 1, invoice: '/invoices/5', transaction: null, amount: 10, date: at, createdAt: at, updatedAt: at }], 'hydra:totalItems': 1 } } : null),
      (url) => (url.pathname === '/invoices/5' ? { body: { id: 5 } } : null),
    );
    const connection = await harness.expectOk('connections.add', { provider: 'flowtly', label: 'Flowtly', baseUrl: server.baseUrl, settings: { currency: 'EUR' }, secret: { apiToken: 'flowtly-token' } });
    const result = await harness.expectOk('sync.page', { connectionId: connection.id, stream: 'invoice-transactions', cursor: null });
    expect(result.quarantined.map((entry) => entry.problem)).toEqual([{ code: 'transactionInvoice', invoice: '/invoices/5' }]);
    expect(reasons('sv', result.quarantined)).toEqual(['Dess faktura /invoices/5 har inget läsbart nummer och ingen läsbar valuta.']);
    expect(reasons('en', result.quarantined)).toEqual(['Its invoice /invoices/5 has no readable number and currency.']);
  }, 60_000);

  it('a Confirma key refused without a word of Confirma’s is said in the app’s own sentence', async () => {
    server.routes.splice(0, server.routes.length,
      (url) => (url.pathname === '/api/v1/partner/validate' ? { body: { isValid: false } } : null),
      (url) => (url.pathname === '/api/v1/partner/renew' ? { body: { Message: 'renewed-key' } } : null),
    );
    const connection = await harness.expectOk('connections.add', { provider: 'confirma', label: 'Confirma', baseUrl: server.baseUrl, settings: {}, secret: { apiKey: 'confirma-key' } });
    const result = await harness.expectOk('connections.test', { id: connection.id });
    if (result.ok) throw new Error('the key was accepted');
    const error = stored(result.error);
    expect(error.code).toBe('credentials_refused');
    expect(errorSentence(sentence('sv'), error, counts('sv'))).toBe(errorSentence(sentence('sv'), new RpcError('credentials_refused', 'x', { provider: 'confirma' }), counts('sv')));
    expect(errorSentence(sentence('sv'), error, counts('sv'))).not.toMatch(/API key/);
  }, 60_000);
});
