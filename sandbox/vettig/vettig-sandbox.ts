/**
 * Vettig sandbox. Auth: `Authorization: Bearer <apiKey>`, or a token from POST `tokenPath`
 * (client credentials; the real path is unknown, so it is a connection setting). Errors are
 * `{ "message": ... }` with Vettig's documented phrases ("Invalid API key", "Record not found").
 *
 * Events: GET /v2/factoring/events/{organisationNumber} (v2) and /factoring/events/{…} or
 * /v1/factoring/events/{…} (v1) return the whole ledger for the seller's organisation number;
 * any other organisation number is 404. Writes: finance (adds that invoice's events), upload
 * (409 on a duplicate invoice number), onboarding (start, then get by id).
 */
import { randomUUID } from 'node:crypto';
import { bearerTokenOf } from '../auth/bearer-token';
import { clientCredentialsRoute } from '../auth/client-credentials-route';
import { sandboxSecret } from '../auth/sandbox-secrets';
import { createTokenIssuer } from '../auth/token-issuer';
import { DATASET_TODAY } from '../data/calendar';
import type { SandboxDataset } from '../data/dataset';
import { FIRST_INVOICE_NUMBER, SELLER, VETTIG_FINANCING_FEE_BASIS_POINTS, VETTIG_HANDLING_FEE_MINOR } from '../data/invoices';
import { eventsV1For, eventsV2For, factoringFactsOf, sortedByDate, type FactoringFacts } from '../data/vettig-view';
import { json, type Reply } from '../http/reply';
import type { ProviderDefinition } from '../http/sandbox-server';
import type { RequestContext, Route } from '../http/router';
import { simpleJsonError } from '../http/simple-json-error';
import { validateJsonBody } from '../http/validate-body';
import { toMinor } from '../http/zod-fields';
import { peppolInvoiceNumber } from './peppol-invoice-number';
import { newUlid } from './ulid';
import { financeInvoiceBody, startOnboardingBody, uploadInvoiceBody } from './vettig-write-schemas';
import type { z } from 'zod';

export const VETTIG_TOKEN_PATH = '/oauth/token';

export interface VettigSandbox {
  definition: ProviderDefinition;
  credentials: { apiKey: string; clientId: string; clientSecret: string };
  settings: { organisationNumber: string; tokenPath: string };
}

interface Onboarding {
  onboardingId: string;
  organisationNumber: string;
  companyName: string | null;
  status: 'Pending';
  createdAt: string;
}

const normaliseOrg = (value: string): string => value.replaceAll('-', '').trim();

function withBody<S extends z.ZodType>(schema: S, context: RequestContext, respond: (body: z.infer<S>) => Reply): Reply {
  const result = validateJsonBody(schema, context.bodyText);
  if (!result.ok) return simpleJsonError(400, 'Validation failed', result.issues);
  return respond(result.value);
}

/** Both with and without the version prefix: the docs show the write paths both ways. */
function versioned(method: 'GET' | 'POST', path: string, handle: Route['handle']): Route[] {
  return [{ method, pattern: path, handle }, { method, pattern: `/v1${path}`, handle }, { method, pattern: `/v2${path}`, handle }];
}

export function createVettigSandbox(dataset: SandboxDataset, tokenLifetimeSeconds: number): VettigSandbox {
  const credentials = {
    apiKey: `vettig_test_${sandboxSecret(dataset.seed, 'vettig-api-key', 32)}`,
    clientId: `vettig-${sandboxSecret(dataset.seed, 'vettig-client-id', 12)}`,
    clientSecret: sandboxSecret(dataset.seed, 'vettig-client-secret', 40),
  };
  const issuer = createTokenIssuer(tokenLifetimeSeconds);
  const financed: FactoringFacts[] = [];
  const uploadedNumbers = new Set<string>();
  const onboardings = new Map<string, Onboarding>();
  let generated: FactoringFacts[] | null = null;
  // Generated facts are computed once per sandbox (a full pass over the dataset), then reused.
  const allFacts = (): FactoringFacts[] => [...(generated ??= factoringFactsOf(dataset)), ...financed];
  const isOwnOrganisation = (value: string): boolean => normaliseOrg(value) === SELLER.organisationNumber;
  const existsInLedger = (invoiceNumber: string): boolean => {
    const n = Number(invoiceNumber);
    const generatedNumber = /^\d+$/.test(invoiceNumber) && n >= FIRST_INVOICE_NUMBER && n < FIRST_INVOICE_NUMBER + dataset.scale;
    return generatedNumber || financed.some((f) => f.invoiceNumber === invoiceNumber) || uploadedNumbers.has(invoiceNumber);
  };

  const events = (version: 1 | 2): Route['handle'] => (context) => {
    if (!isOwnOrganisation(context.params.organisationNumber ?? '')) return simpleJsonError(404, 'Record not found');
    const facts = allFacts();
    return json(200, version === 2 ? sortedByDate(facts.flatMap(eventsV2For)) : sortedByDate(facts.flatMap(eventsV1For)));
  };

  const finance: Route['handle'] = (context) =>
    withBody(financeInvoiceBody, context, (body) => {
      if (!isOwnOrganisation(body.organisationNumber)) return simpleJsonError(403, 'Organisation number does not belong to this API key');
      if (allFacts().some((f) => f.invoiceNumber === body.invoiceNumber)) return simpleJsonError(409, `Invoice ${body.invoiceNumber} is already financed`);
      const totalMinor = body.invoiceItems.reduce((sum, item) => sum + toMinor(item.total), 0);
      const financingFeeMinor = Math.round((totalMinor * VETTIG_FINANCING_FEE_BASIS_POINTS) / 10_000);
      const id = (): string => randomUUID();
      financed.push({
        invoiceNumber: body.invoiceNumber,
        totalMinor,
        financedDate: DATASET_TODAY,
        handlingFeeMinor: VETTIG_HANDLING_FEE_MINOR,
        financingFeeMinor,
        payoutMinor: totalMinor - VETTIG_HANDLING_FEE_MINOR - financingFeeMinor,
        recourseDate: null,
        recoursePaymentDate: null,
        ids: [id(), id(), id(), id(), id(), id()],
      });
      return json(201, { invoiceId: newUlid() });
    });

  const upload: Route['handle'] = (context) =>
    withBody(uploadInvoiceBody, context, (body) => {
      if (!isOwnOrganisation(body.organisationNumber)) return simpleJsonError(403, 'Organisation number does not belong to this API key');
      const invoiceNumber = peppolInvoiceNumber(body.file);
      if (!invoiceNumber) return simpleJsonError(400, 'Validation failed', [{ path: 'file', message: 'must be a base64-encoded Peppol BIS invoice (UBL XML with cbc:ID)' }]);
      if (existsInLedger(invoiceNumber)) return simpleJsonError(409, `Duplicate invoice number ${invoiceNumber}`);
      uploadedNumbers.add(invoiceNumber);
      return json(201, { invoiceId: newUlid() });
    });

  const startOnboarding: Route['handle'] = (context) =>
    withBody(startOnboardingBody, context, (body) => {
      const onboardingId = newUlid();
      onboardings.set(onboardingId, { onboardingId, organisationNumber: body.organisationNumber, companyName: body.companyName ?? null, status: 'Pending', createdAt: new Date().toISOString() });
      return json(201, { onboardingId });
    });

  const getOnboarding: Route['handle'] = (context) => {
    const onboarding = onboardings.get(context.params.onboardingId ?? '');
    return onboarding ? json(200, onboarding) : simpleJsonError(404, 'Record not found');
  };

  const routes: Route[] = [
    clientCredentialsRoute(VETTIG_TOKEN_PATH, credentials, issuer),
    { method: 'GET', pattern: '/v2/factoring/events/:organisationNumber', handle: events(2) },
    { method: 'GET', pattern: '/v1/factoring/events/:organisationNumber', handle: events(1) },
    { method: 'GET', pattern: '/factoring/events/:organisationNumber', handle: events(1) },
    ...versioned('POST', '/factoring/finance', finance),
    ...versioned('POST', '/factoring/invoice/upload', upload),
    ...versioned('POST', '/factoring/onboarding', startOnboarding),
    ...versioned('GET', '/factoring/onboarding/:onboardingId', getOnboarding),
  ];

  return {
    credentials,
    settings: { organisationNumber: SELLER.organisationNumber, tokenPath: VETTIG_TOKEN_PATH },
    definition: {
      routes,
      authenticate(headers) {
        const token = bearerTokenOf(headers);
        if (token === null) return { ok: false, reply: simpleJsonError(401, 'Invalid API key') };
        if (token === credentials.apiKey) return { ok: true, credential: token };
        const status = issuer.check(token);
        if (status === 'valid') return { ok: true, credential: token };
        return { ok: false, reply: simpleJsonError(401, status === 'expired' ? 'Token expired' : 'Invalid API key') };
      },
      expireCredential(token) {
        // A static API key cannot expire; only exchanged tokens do. The request still fails once.
        issuer.expire(token);
        return simpleJsonError(401, token === credentials.apiKey ? 'Invalid API key' : 'Token expired');
      },
      error: (status, title, detail) => simpleJsonError(status, status === 404 ? 'Record not found' : `${title}: ${detail}`),
    },
  };
}
