import { describe, expect, it } from 'vitest';
import type { ApticListItem } from '../../sandbox/data';
import { apticReferenceItems, useApticSandbox } from './support/aptic-session';
import { asArray, asRecord, requestJson } from './support/sandbox-http';

const SEED = 31;
const SCALE = 700;

/** The reference: every list item, built from the data module in index order. */
const reference = apticReferenceItems(SEED, SCALE);

const apostropheName = reference.find((item) => item.customerName.includes("'"))?.customerName ?? '';
const ascending = <T>(key: (item: ApticListItem) => T) => (a: ApticListItem, b: ApticListItem): number => {
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const descending = <T>(key: (item: ApticListItem) => T) => (a: ApticListItem, b: ApticListItem): number => -ascending(key)(a, b);
const byAll = (...comparators: ((a: ApticListItem, b: ApticListItem) => number)[]) => (a: ApticListItem, b: ApticListItem): number => {
  for (const compare of comparators) {
    const order = compare(a, b);
    if (order !== 0) return order;
  }
  return 0;
};

interface Case {
  filter?: string;
  orderby?: string;
  keep: (item: ApticListItem) => boolean;
  order?: (a: ApticListItem, b: ApticListItem) => number;
}

const CASES: Record<string, Case> = {
  'date gt and status eq (the reference page example)': { filter: "invoiceDate gt '2025-01-01' and status eq 2", keep: (i) => i.invoiceDate > '2025-01-01' && i.status === 2 },
  'or with parentheses, ge and ne': {
    filter: "currencyCode eq 'SEK' or (remainingPrincipal ge 1000 and financeStatus ne 0)",
    keep: (i) => i.currencyCode === 'SEK' || (i.remainingPrincipal >= 1000 && i.financeStatus !== 0),
  },
  'and binds tighter than or': { filter: "status eq 1 or status eq 64 and currencyCode eq 'EUR'", keep: (i) => i.status === 1 || (i.status === 64 && i.currencyCode === 'EUR') },
  'quoted string with a doubled quote': { filter: `customerName eq '${apostropheName.replaceAll("'", "''")}'`, keep: (i) => i.customerName === apostropheName },
  'bare date literal with lt': { filter: 'dueDate lt 2025-03-01', keep: (i) => i.dueDate < '2025-03-01' },
  'date-time literal compares by instant': { filter: "dueDate ge '2025-06-01T00:00:00Z'", keep: (i) => i.dueDate >= '2025-06-01' },
  'not, numeric gt': { filter: 'not (status eq 1) and daysDue gt 30', keep: (i) => i.status !== 1 && i.daysDue > 30 },
  'decimal comparison le': { filter: 'originalPrincipal le 500.5', keep: (i) => i.originalPrincipal <= 500.5 },
  'boolean eq': { filter: 'purchased eq true', keep: (i) => i.purchased },
  'contains with å/ä/ö': { filter: "contains(customerName,'ä')", keep: (i) => i.customerName.includes('ä') },
  'orderby two keys': { orderby: 'dueDate desc, invoiceNumber asc', keep: () => true, order: byAll(descending((i) => i.dueDate), ascending((i) => i.invoiceNumber)) },
  'filter plus orderby by text': {
    filter: "currencyCode eq 'EUR'",
    orderby: 'customerName',
    keep: (i) => i.currencyCode === 'EUR',
    order: byAll(ascending((i) => i.customerName)),
  },
  'orderby amount desc': { orderby: 'remainingPrincipal desc', keep: () => true, order: descending((i) => i.remainingPrincipal) },
};

describe('Aptic $filter/$orderby against an in-memory reference', () => {
  const session = useApticSandbox({ seed: SEED, scale: SCALE });

  async function fetchAll(filter: string | undefined, orderby: string | undefined, top = 100): Promise<{ numbers: string[]; total: number }> {
    const numbers: string[] = [];
    let total = -1;
    for (let skip = 0; ; skip += top) {
      const query = new URLSearchParams({ $skip: String(skip), $top: String(top) });
      if (filter) query.set('$filter', filter);
      if (orderby) query.set('$orderby', orderby);
      const { aptic, headers } = session();
      const response = await requestJson(`${aptic.baseUrl}/v1/Invoices?${query.toString()}`, { headers });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const body = asRecord(response.body);
      total = Number(body.total);
      const value = asArray(body.value);
      numbers.push(...value.map((item) => String(asRecord(item).invoiceNumber)));
      if (value.length < top) break;
    }
    return { numbers, total };
  }

  it('the dataset has a customer whose name carries an apostrophe', () => {
    expect(apostropheName).toContain("'");
  });

  for (const [name, testCase] of Object.entries(CASES)) {
    it(name, async () => {
      // Array.prototype.sort is stable: ties keep index order, as the sandbox's position tie-break does.
      const expected = reference.filter(testCase.keep);
      if (testCase.order) expected.sort(testCase.order);
      expect(expected.length, 'the reference must select something').toBeGreaterThan(0);
      if (!testCase.orderby) expect(expected.length, 'and not everything').toBeLessThan(SCALE);
      const { numbers, total } = await fetchAll(testCase.filter, testCase.orderby);
      expect(total).toBe(expected.length);
      expect(numbers).toEqual(expected.map((item) => item.invoiceNumber));
    });
  }

  it('pages of a filtered, sorted result join up without gaps or overlaps at any page size', async () => {
    const filter = "invoiceDate ge '2024-10-01' and invoiceDate le '2025-03-31'";
    const orderby = 'currencyCode desc, originalPrincipal';
    const seven = await fetchAll(filter, orderby, 7);
    const hundred = await fetchAll(filter, orderby, 100);
    expect(seven.numbers).toEqual(hundred.numbers);
    expect(new Set(seven.numbers).size).toBe(seven.total);
  });

  it('rejects a bad filter or orderby with 400 problem details that say what was wrong', async () => {
    const bad: Record<string, string> = {
      '$filter=nosuchField eq 1': 'unknown field',
      "$filter=status eq 'two'": 'cannot be compared',
      "$filter=customerName eq 'unterminated": 'unterminated string',
      '$filter=status eq': 'ends too early',
      '$filter=(status eq 1': "expected ')'",
      '$orderby=dueDate sideways': 'field [asc|desc]',
      '$orderby=nosuchField': 'unknown field',
    };
    const { aptic, headers } = session();
    for (const [query, phrase] of Object.entries(bad)) {
      const [key = '', value = ''] = query.split(/=(.*)/s);
      const response = await requestJson(`${aptic.baseUrl}/v1/Invoices?${key}=${encodeURIComponent(value)}`, { headers });
      expect(response.status, query).toBe(400);
      expect(String(asRecord(response.body).detail), query).toContain(phrase);
    }
  });
});
