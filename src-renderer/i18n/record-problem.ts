import type { RecordProblem } from '../../src-shared/domain/record-problem';
import type { CachedQuarantine } from '../db/cache-database';
import type { Translate } from './error-message';

/** Why a record could not be read, in the language `t` speaks: the field, the value and the validator's words quoted inside. */
export function problemSentence(t: Translate, problem: RecordProblem): string {
  switch (problem.code) {
    case 'type': {
      const expected = t(`common.expectedTypes.${problem.expected}`);
      return problem.field === '' ? t('common.recordProblems.recordType', { expected }) : t('common.recordProblems.type', { field: problem.field, expected });
    }
    case 'field':
      return problem.field === '' ? t('common.recordProblems.recordField', { said: problem.said }) : t('common.recordProblems.field', { ...problem });
    case 'settlement':
      return t('common.recordProblems.settlement', { said: problemSentence(t, problem.problem) });
    case 'rowTooLarge':
      return t(`common.recordProblems.rowTooLarge.${problem.part}`);
    default:
      return t(`common.recordProblems.${problem.code}`, { ...problem });
  }
}

/** A quarantined record's reason: translated from its code, or as an older version stored it (English) when it has none. */
export function quarantineReason(t: Translate, entry: CachedQuarantine): string {
  return entry.problem ? problemSentence(t, entry.problem) : entry.reason;
}
