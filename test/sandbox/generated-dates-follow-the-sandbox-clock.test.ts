import { afterEach, describe, expect, it, vi } from 'vitest';
import { sandboxToday } from '../../sandbox/data/calendar';
import { calendarToday } from '../../src-shared/dates/today';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("the sandbox's clock", () => {
  it("is the app's calendar day unless SANDBOX_TODAY pins it", () => {
    const now = new Date(2026, 10, 28, 23, 30);
    expect(sandboxToday({}, now)).toBe(calendarToday(now));
    expect(sandboxToday({ SANDBOX_TODAY: ' ' }, now)).toBe('2026-11-28');
    expect(sandboxToday({ SANDBOX_TODAY: '2026-10-01' })).toBe('2026-10-01');
  });

  it('refuses a SANDBOX_TODAY that is not a real day', () => {
    expect(() => sandboxToday({ SANDBOX_TODAY: '2026-02-30' })).toThrow(/SANDBOX_TODAY must be a date/);
    expect(() => sandboxToday({ SANDBOX_TODAY: 'today' })).toThrow(/SANDBOX_TODAY must be a date/);
  });

  it('dates the generated invoices in the year before its today; the seed example keeps its own dates', async () => {
    vi.stubEnv('SANDBOX_TODAY', '2026-11-15');
    vi.resetModules();
    const data = await import('../../sandbox/data/index');
    expect(data.DATASET_TODAY).toBe('2026-11-15');
    const dataset = data.createDataset(1, 300);
    for (let index = 1; index < dataset.scale; index += 1) {
      const { issueDate } = dataset.invoiceAt(index);
      expect(issueDate >= '2025-11-16' && issueDate <= '2026-11-15', `invoice ${index} issued ${issueDate}`).toBe(true);
    }
    const seedInvoice = dataset.invoiceAt(0);
    expect([seedInvoice.issueDate, seedInvoice.dueDate, seedInvoice.factoring?.recourseDate, seedInvoice.factoring?.recoursePaymentDate]).toEqual(['2025-01-31', '2025-03-02', '2025-03-15', '2025-03-27']);
    // Overdue is measured against the clock too: issued at most 364 days ago and due at least 14 days later.
    const daysDue = Array.from({ length: dataset.scale - 1 }, (_, i) => data.apticListItem(data.apticFactsFor(1, dataset.invoiceAt(i + 1))).daysDue);
    expect(Math.max(...daysDue)).toBeLessThanOrEqual(364 - 14);
  });
});
