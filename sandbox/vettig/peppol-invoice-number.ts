/**
 * The invoice number (cbc:ID) of a base64 Peppol BIS invoice, or null when the file is not UBL
 * invoice XML. The sandbox reads only this field: it needs it to answer 409 for a duplicate.
 */
export function peppolInvoiceNumber(base64: string): string | null {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(base64)) return null;
  const xml = Buffer.from(base64, 'base64').toString('utf8');
  if (!/<(\w+:)?(Invoice|CreditNote)[\s>]/.test(xml)) return null;
  // The first cbc:ID directly under the root is the document number (later ones belong to parties).
  const match = /<cbc:ID(?:\s[^>]*)?>\s*([^<]+?)\s*<\/cbc:ID>/.exec(xml);
  return match?.[1] ?? null;
}
