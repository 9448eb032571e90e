import { describe, expect, it } from 'vitest';
import {
  apticFactsFor, apticFinancialDetails, apticListItem, apticTransactions, collectionBalance, confirmaCase, createDataset, DATASET_TODAY, flowtlyInvoice, vettigEventsV2,
  type SandboxInvoice,
} from '../../sandbox/data';

const SEED = 4;
const SCALE = 2_000;
const dataset = createDataset(SEED, SCALE);
const invoices: SandboxInvoice[] = Array.from({ length: SCALE }, (_, i) => dataset.invoiceAt(i));
const cents = (amount: number | string): number => Math.round(Number(amount) * 100);

describe('the generated receivables are believable and add up', () => {
  it('every invoice adds up: net + VAT = total; total = credited + paid + outstanding', () => {
    for (const invoice of invoices) {
      expect(invoice.lines.reduce((sum, line) => sum + line.netMinor, 0)).toBe(invoice.netMinor);
      expect(invoice.netMinor + invoice.vatMinor).toBe(invoice.totalMinor);
      expect(invoice.creditedMinor + invoice.paidMinor + invoice.outstandingMinor).toBe(invoice.totalMinor);
      expect(invoice.outstandingMinor).toBeGreaterThanOrEqual(0);
      for (const amount of [invoice.totalMinor, invoice.paidMinor, ...invoice.directPayments.map((p) => p.amountMinor)]) expect(Number.isInteger(amount)).toBe(true);
      for (const date of [invoice.issueDate, ...invoice.directPayments.map((p) => p.date), invoice.collection?.closedDate ?? invoice.issueDate]) expect(date <= DATASET_TODAY).toBe(true);
    }
  });

  it('has every state, both currencies and the names that break naive code', () => {
    expect(new Set(invoices.map((invoice) => invoice.state))).toEqual(new Set(['open', 'partlyPaid', 'paid', 'overdue', 'credited', 'disputed', 'collection']));
    expect(new Set(invoices.map((invoice) => invoice.currency))).toEqual(new Set(['SEK', 'EUR']));
    const names = invoices.map((invoice) => invoice.customer.name).join('|');
    for (const fragment of ['å', 'ä', 'ö', 'IJ', 'ü', "'t "]) expect(names).toContain(fragment);
    expect(invoices.some((invoice) => invoice.factoring?.recourseDate)).toBe(true);
    expect(invoices.some((invoice) => invoice.factoring && !invoice.factoring.recourseDate)).toBe(true);
  });

  it('Aptic and Flowtly show the same total, paid and outstanding as the invoice', () => {
    for (const invoice of invoices) {
      const aptic = apticListItem(apticFactsFor(SEED, invoice));
      expect(cents(aptic.originalPrincipal)).toBe(invoice.totalMinor);
      expect(cents(aptic.remainingPrincipal)).toBe(invoice.outstandingMinor);
      const flowtly = flowtlyInvoice(dataset, invoice.index);
      expect(cents(flowtly.amount)).toBe(invoice.totalMinor);
      expect(cents(flowtly.amountNet)).toBe(invoice.netMinor);
      expect(flowtly.amount).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it("an Aptic invoice's transactions add up to its remaining sum", () => {
    for (const invoice of invoices) {
      const facts = apticFactsFor(SEED, invoice);
      const net = apticTransactions(facts).reduce((sum, row) => sum + cents(row.amount), 0);
      expect(net).toBe(cents(apticListItem(facts).remainingSum));
    }
  });

  it('a Confirma case balance is capital + interest + costs, and its capital is what the ledger still lacked', () => {
    const collected = invoices.filter((invoice) => invoice.collection);
    expect(collected.length).toBeGreaterThan(20);
    for (const invoice of collected) {
      const collection = invoice.collection;
      if (!collection) continue;
      const direct = invoice.directPayments.reduce((sum, payment) => sum + payment.amountMinor, 0);
      expect(collection.capitalMinor).toBe(invoice.totalMinor - direct);
      const balance = collectionBalance(collection);
      expect(balance.capitalOutstanding).toBe(invoice.outstandingMinor);
      const served = confirmaCase(invoice).balance as Record<string, number>;
      expect(cents(served.totalOutstanding ?? 0)).toBe(balance.totalOutstanding);
      expect(cents(served.capitalAmount ?? 0) + cents(served.interestAmount ?? 0) + cents(served.costsAmount ?? 0)).toBe(
        cents(served.capitalPaid ?? 0) + cents(served.interestPaid ?? 0) + cents(served.costsPaid ?? 0) + cents(served.totalOutstanding ?? 0),
      );
    }
  });

  /** What each factor serves as bought: Vettig's InvoiceFactoring events, Aptic's purchased financial details. */
  const vettigFinanced = new Map(vettigEventsV2(dataset).flatMap((event) => (event.type === 'InvoiceFactoring' ? [[event.invoiceNumber, cents(event.amount)] as const] : [])));
  const apticPurchased = new Map(
    invoices.flatMap((invoice) => {
      const purchase = apticFinancialDetails(apticFactsFor(SEED, invoice)).purchaseInformation as { purchased: boolean; purchasedAmount: number };
      return purchase.purchased ? [[invoice.number, cents(purchase.purchasedAmount)] as const] : [];
    }),
  );

  it('no invoice is financed by two factors: Vettig and Aptic each buy a share of the factored invoices, never the same one', () => {
    const factored = invoices.filter((invoice) => invoice.factoring);
    expect(vettigFinanced.size).toBeGreaterThan(20);
    expect(apticPurchased.size).toBeGreaterThan(20);
    expect([...vettigFinanced.keys()].filter((number) => apticPurchased.has(number))).toEqual([]);
    expect(new Set([...vettigFinanced.keys(), ...apticPurchased.keys()])).toEqual(new Set(factored.map((invoice) => invoice.number)));
    expect(vettigFinanced.has('10425')).toBe(true);
  });

  it('each factor finances its invoices for their total, in SEK', () => {
    for (const invoice of invoices.filter((item) => item.factoring)) {
      expect(invoice.currency).toBe('SEK');
      expect(vettigFinanced.get(invoice.number) ?? apticPurchased.get(invoice.number)).toBe(invoice.totalMinor);
    }
  });
});
