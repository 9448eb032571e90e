import type { RecordProblem } from '../../src-shared/domain/record-problem';
import type { CachedQuarantine } from '../db/cache-database';
import type { Translate } from './error-message';

/** A whole number written the way the app's language writes it (useFormat().count). */
export type FormatCount = (value: number) => string;

/** Why a record could not be read, in the language `t` speaks: the field, the value and the validator's words quoted inside. */
export function problemSentence(t: Translate, problem: RecordProblem, count: FormatCount): string {
  switch (problem.code) {
    case 'type': {
      const expected = t(`common.expectedTypes.${problem.expected}`);
      return problem.field === '' ? t('common.recordProblems.recordType', { expected }) : t('common.recordProblems.type', { field: problem.field, expected });
    }
    case 'field':
      return problem.field === '' ? t('common.recordProblems.recordField', { said: problem.said }) : t('common.recordProblems.field', { ...problem });
    case 'settlement':
      return t('common.recordProblems.settlement', { said: problemSentence(t, problem.problem, count) });
    case 'rowTooLarge':
      return t(`common.recordProblems.rowTooLarge.${problem.part}`);
    default:
      // Counts (pages, records) in the language's own digits: "5 000 000 poster", not "5000000".
      return t(`common.recordProblems.${problem.code}`, Object.fromEntries(Object.entries(problem).map(([key, value]) => [key, typeof value === 'number' ? count(value) : value])));
  }
}

/** A quarantined record's reason: translated from its code, or as an older version stored it (English) when it has none. */
export function quarantineReason(t: Translate, entry: CachedQuarantine, count: FormatCount): string {
  return entry.problem ? problemSentence(t, entry.problem, count) : entry.reason;
}
