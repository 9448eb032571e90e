/** One figure of `npm run bench`, printed as one JSON line. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The reference the value is held against, measured in the same run. */
  ceiling?: number;
  /** value / ceiling. */
  ratio?: number;
  /** The target the issue sets, in words, for the table. */
  target?: string;
}
