import type { RunningSandbox } from '../../sandbox/start-sandbox';

/**
 * What the sandboxes serve, read over their own HTTP APIs (not through the app or its cache), and
 * the ledger rule of README "How one invoice seen by several providers is shown and counted"
 * applied here independently: one invoice per trimmed, upper-cased number and currency; its
 * outstanding from the source that holds the claim (open collection case > purchased at Aptic >
 * Aptic > Flowtly > closed case).
 */
export interface ServedInvoice {
  key: string;
  currency: string;
  outstanding: number;
  /** The issue date (YYYY-MM-DD) of the best-ranked source that states one. */
  issueDate: string | null;
  /** The gross of the best-ranked invoice record (a collection case states none), negative for a credit note. */
  total: number | null;
  /** The source holding the claim says it is a draft: not sent, not a sale. */
  draft: boolean;
}

type Json = Record<string, unknown>;

/** Decimal text or a JSON number with at most two decimals, as cents. */
const cents = (value: unknown): number => Math.round(Number(value) * 100);
const keyOf = (number: unknown, currency: unknown) => `${String(number).replace(/\s+/g, '').toUpperCase()} ${String(currency)}`;

async function getJson(url: string, headers: Record<string, string>): Promise<{ body: unknown; headers: Headers }> {
  const response = await fetch(url, { headers: { accept: 'application/ld+json, application/json', ...headers } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return { body: await response.json(), headers: response.headers };
}

async function flowtlyInvoices(sandbox: RunningSandbox): Promise<Json[]> {
  const auth = { authorization: `Bearer ${sandbox.credentials.apiToken!}` };
  const byId = new Map<number, Json>();
  for (const path of ['/invoices', '/invoices/draft']) {
    for (let page = 1; ; page += 1) {
      const { body } = await getJson(`${sandbox.baseUrl}${path}?itemsPerPage=100&page=${page}`, auth);
      const members = ((body as Json)['hydra:member'] ?? (body as Json).member ?? body) as Json[];
      for (const member of members) byId.set(member.id as number, member);
      if (members.length < 100) break;
    }
  }
  return [...byId.values()];
}

async function apticInvoices(sandbox: RunningSandbox): Promise<Json[]> {
  const tokenPath = sandbox.settings.tokenPath ?? '/login/oauth/access_token';
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.credentials.clientId!, client_secret: sandbox.credentials.clientSecret! });
  const token = (await (await fetch(`${sandbox.baseUrl}${tokenPath}`, { method: 'POST', body: form })).json()) as { access_token: string };
  const items: Json[] = [];
  for (let skip = 0; ; skip += 100) {
    const { body } = await getJson(`${sandbox.baseUrl}/v1/Invoices?$top=100&$skip=${skip}`, { authorization: `Bearer ${token.access_token}` });
    const page = (body as { value: Json[] }).value;
    items.push(...page);
    if (page.length < 100) return items;
  }
}

async function confirmaCases(sandbox: RunningSandbox): Promise<Json[]> {
  const { body } = await getJson(`${sandbox.baseUrl}/api/v1/partner/invoice/case`, { 'x-api-key': sandbox.credentials.apiKey! });
  return (body as { cases: Json[] }).cases;
}

/** Rank per README's table: lower holds the claim. */
interface Said {
  rank: number;
  outstanding: number;
  issueDate: unknown;
  total: number | null;
  draft?: boolean;
}

const day = (value: unknown) => (typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : null);

export async function servedInvoices(sandboxes: readonly RunningSandbox[]): Promise<ServedInvoice[]> {
  const said = new Map<string, { currency: string; says: Said[] }>();
  const add = (number: unknown, currency: unknown, say: Said) => {
    const key = keyOf(number, currency);
    const entry = said.get(key) ?? { currency: String(currency), says: [] };
    entry.says.push(say);
    said.set(key, entry);
  };
  for (const sandbox of sandboxes) {
    if (sandbox.provider === 'flowtly') {
      for (const invoice of await flowtlyInvoices(sandbox)) {
        const settled = invoice.status === 'draft' || invoice.status === 'credited';
        add(invoice.name ?? invoice.id, invoice.currency, {
          rank: 4, outstanding: settled ? 0 : cents(invoice.amount) - cents(invoice.amountPaid ?? 0),
          issueDate: invoice.issueDate, total: cents(invoice.amount), draft: invoice.status === 'draft',
        });
      }
    }
    if (sandbox.provider === 'aptic') {
      for (const item of await apticInvoices(sandbox)) {
        const purchased = item.financeStatus === 2 || item.financeStatus === 3;
        add(item.invoiceNumber, item.currencyCode, {
          rank: purchased ? 2 : 3, outstanding: cents(item.remainingSum), issueDate: item.invoiceDate, total: cents(item.originalPrincipal),
        });
      }
    }
    if (sandbox.provider === 'confirma') {
      for (const item of await confirmaCases(sandbox)) {
        const summary = item.summary as Json;
        const balance = item.balance as Json;
        const invoices = item.invoices as Json[];
        for (const invoice of invoices) {
          const owed =
            cents(invoice.capitalAmount) - cents(invoice.capitalPaid) + cents(invoice.interestAmount) - cents(invoice.interestPaid) +
            (invoices.length === 1 ? cents(balance.costsOutstanding) : 0);
          add(invoice.invoiceNumber, summary.currency, { rank: summary.closedAt ? 5 : 1, outstanding: owed, issueDate: invoice.invoiceDate, total: null });
        }
      }
    }
  }
  return [...said].map(([key, { currency, says }]) => {
    const ranked = [...says].sort((a, b) => a.rank - b.rank);
    return {
      key,
      currency,
      outstanding: ranked[0]!.outstanding,
      issueDate: ranked.map((say) => day(say.issueDate)).find((date) => date !== null) ?? null,
      total: ranked.find((say) => say.total !== null)?.total ?? null,
      draft: ranked[0]!.draft === true,
    };
  });
}
