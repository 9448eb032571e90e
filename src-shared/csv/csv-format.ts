/**
 * How a file is laid out. The two presets are what Excel in Sweden, Finland and the
 * Netherlands expects (semicolons, decimal comma, a BOM so å/ö are read as UTF-8) and plain
 * RFC 4180; each part can be overridden on top of a preset.
 */
export interface CsvFormat {
  delimiter: CsvDelimiter;
  decimalSeparator: ',' | '.';
  /** Start the file with U+FEFF: Excel reads UTF-8 only when it sees one. */
  bom: boolean;
  lineEnd: '\r\n' | '\n';
}

/** Delimiters a user may pick; all are single characters that never occur in a number. */
export const csvDelimiters = [';', ',', '\t', '|'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

export const csvPresetIds = ['excel-nordic', 'rfc4180'] as const;
export type CsvPresetId = (typeof csvPresetIds)[number];

export const csvPresets: Readonly<Record<CsvPresetId, Readonly<CsvFormat>>> = {
  /** Excel (Nordic/Dutch): what a double-click opens into columns with amounts as numbers. */
  'excel-nordic': { delimiter: ';', decimalSeparator: ',', bom: true, lineEnd: '\r\n' },
  'rfc4180': { delimiter: ',', decimalSeparator: '.', bom: false, lineEnd: '\r\n' },
};

export function isCsvPresetId(value: string): value is CsvPresetId {
  return (csvPresetIds as readonly string[]).includes(value);
}

/** A preset with the parts the user changed. */
export function csvFormat(preset: CsvPresetId, overrides: Partial<CsvFormat> = {}): CsvFormat {
  return { ...csvPresets[preset], ...definedOnly(overrides) };
}

/**
 * The preset a new user starts with: English speakers mostly run Excel with a decimal point
 * and comma lists, so RFC 4180; every other app language (sv, nl, fi) is a decimal-comma
 * locale where Excel splits on semicolons. Accepts tags like `en-GB` or `sv_SE`.
 */
export function defaultCsvPreset(language: string): CsvPresetId {
  const base = language.trim().toLowerCase().split(/[-_]/)[0];
  return base === 'en' ? 'rfc4180' : 'excel-nordic';
}

function definedOnly(overrides: Partial<CsvFormat>): Partial<CsvFormat> {
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
}
