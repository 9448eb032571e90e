/** The types of the fields a simplified-OData `$filter`/`$orderby` may name; they decide how values compare. */
export type FieldType = 'string' | 'number' | 'date' | 'boolean';
export type FieldTypes = Readonly<Record<string, FieldType>>;

/** Resolves a field name case-insensitively (clients write InvoiceDate and invoiceDate alike). */
export function resolveField(fields: FieldTypes, name: string): { name: string; type: FieldType } | null {
  const lower = name.toLowerCase();
  for (const [field, type] of Object.entries(fields)) if (field.toLowerCase() === lower) return { name: field, type };
  return null;
}

export const INVOICE_LIST_FIELDS: FieldTypes = {
  invoiceGuid: 'string',
  ledgerType: 'string',
  clientReferenceNumber: 'string',
  clientName: 'string',
  invoiceNumber: 'string',
  customerName: 'string',
  customerNumber: 'string',
  invoiceDate: 'date',
  dueDate: 'date',
  daysDue: 'number',
  invoiceType: 'string',
  registrationDate: 'date',
  currencyCode: 'string',
  originalPrincipal: 'number',
  remainingPrincipal: 'number',
  paidSum: 'number',
  remainingSum: 'number',
  service: 'string',
  status: 'number',
  financeStatus: 'number',
  purchasable: 'number',
  purchased: 'boolean',
  disputed: 'boolean',
};

export const TRANSACTION_FIELDS: FieldTypes = {
  transactionGuid: 'string',
  transactionDate: 'date',
  transactionType: 'string',
  description: 'string',
  amount: 'number',
  currencyCode: 'string',
};

/** Dates compare as UTC date-times: "2025-01-31" is "2025-01-31T00:00:00". */
export function normaliseDateTime(value: string): string {
  const trimmed = value.replace(/(Z|[+-]00:?00)$/i, '');
  return trimmed.length === 10 ? `${trimmed}T00:00:00` : trimmed.slice(0, 19).padEnd(19, ':00');
}

export function isDateLike(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(value);
}

/** Ordinal comparison of two field values of one type; null sorts first. */
export function compareValues(type: FieldType, a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (type === 'number') return Number(a) - Number(b);
  if (type === 'boolean') return Number(Boolean(a)) - Number(Boolean(b));
  const x = type === 'date' ? normaliseDateTime(String(a)) : String(a);
  const y = type === 'date' ? normaliseDateTime(String(b)) : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
