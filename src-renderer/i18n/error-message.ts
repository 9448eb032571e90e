import { useI18n } from 'vue-i18n';
import { providerNames } from '../../src-shared/domain/provider';
import { RpcError, type RpcErrorCode } from '../../src-shared/rpc/rpc-error';
import { useFormat } from '../format/use-format';
import { problemSentence, type FormatCount } from './record-problem';

// Every error becomes a sentence in the app's language, chosen by its code; main's English never
// stands alone. A provider's own words (main sends them apart, in `details.said`) are quoted
// inside that sentence; a code with no sentence of its own quotes main's message in a general one.
const plainCodes = ['unauthorized', 'forbidden', 'offline', 'internal', 'payload_too_large', 'unknown_method', 'secret_required', 'disk_full', 'newer_file'] as const;
/** Provider failures whose sentence quotes what the provider said, with a sentence of their own for when it said nothing. */
const saidCodes = ['credentials_refused', 'provider_unreadable', 'provider_error', 'provider_refused', 'outcome_unknown'] as const;
type PlainCode = (typeof plainCodes)[number];
type SaidCode = (typeof saidCodes)[number];

function isPlain(code: RpcErrorCode): code is PlainCode {
  return (plainCodes as readonly string[]).includes(code);
}

function isSaid(code: RpcErrorCode): code is SaidCode {
  return (saidCodes as readonly string[]).includes(code);
}

/** True when the user fixes this by entering the connection's credentials again (Edit connection). */
export function needsCredentials(error: unknown): boolean {
  return error instanceof RpcError && (error.code === 'credentials_refused' || error.code === 'credentials_missing');
}

export type Translate = (key: string, named?: Record<string, unknown>) => string;

/**
 * The sentence for `error` in the language `t` speaks. A string is an error stored as text by an
 * older version: quoted like any message main sent without a sentence of its own.
 */
export function errorSentence(t: Translate, error: unknown, count: FormatCount): string {
  if (typeof error === 'string') return t('common.errors.other', { said: error });
  if (!(error instanceof RpcError)) return t('common.errors.internal');
  const { code, details } = error;
  if (isPlain(code)) return t(`common.errors.${code}`);
  const provider = details?.provider ? providerNames[details.provider] : undefined;
  if (code === 'keychain_unavailable') return t('common.errors.keychain_unavailable', { said: error.message });
  if (provider !== undefined) {
    if (code === 'provider_too_large') return t('common.errors.provider_too_large', { provider, limit: details?.limitMb ?? 50 });
    if (code === 'provider_unreachable' || code === 'credentials_missing') return t(`common.errors.${code}`, { provider });
    if (code === 'not_found') return t('common.errors.provider_not_found', { provider });
    // An unreadable page about one field: the app's own words for it, from its code.
    if (code === 'provider_unreadable' && details?.problem) return t('common.errors.provider_unreadable', { provider, said: problemSentence(t, details.problem, count) });
    if (isSaid(code)) return details?.said ? t(`common.errors.${code}`, { provider, said: details.said }) : t(`common.errors.withoutWords.${code}`, { provider });
  }
  return t('common.errors.other', { said: error.message });
}

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  const { count } = useFormat();
  return (error) => errorSentence(t, error, count);
}
