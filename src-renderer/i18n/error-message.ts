import { useI18n } from 'vue-i18n';
import { providerNames } from '../../src-shared/domain/provider';
import { RpcError, type RpcErrorCode } from '../../src-shared/rpc/rpc-error';

// Errors about the app's own plumbing and about reaching a provider get a translated sentence;
// a provider's own words (main sends them apart, in `details.said`) go inside that sentence.
// Errors about the user's data keep main's specific message (it names the field).
const translatedCodes = ['unauthorized', 'forbidden', 'offline', 'internal', 'payload_too_large', 'unknown_method', 'secret_required', 'disk_full', 'newer_file'] as const;
const providerCodes = ['provider_unreachable', 'provider_unreadable', 'credentials_refused', 'credentials_missing', 'provider_error', 'provider_refused', 'outcome_unknown'] as const;
type TranslatedCode = (typeof translatedCodes)[number];
type ProviderCode = (typeof providerCodes)[number];

function isTranslated(code: RpcErrorCode): code is TranslatedCode {
  return (translatedCodes as readonly string[]).includes(code);
}

function isProviderCode(code: RpcErrorCode): code is ProviderCode {
  return (providerCodes as readonly string[]).includes(code);
}

/** True when the user fixes this by entering the connection's credentials again (Edit connection). */
export function needsCredentials(error: unknown): boolean {
  return error instanceof RpcError && (error.code === 'credentials_refused' || error.code === 'credentials_missing');
}

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    if (!(error instanceof RpcError)) return t('common.errors.internal');
    if (isTranslated(error.code)) return t(`common.errors.${error.code}`);
    const provider = error.details?.provider;
    if (error.code === 'provider_too_large' && provider) {
      return t('common.errors.provider_too_large', { provider: providerNames[provider], limit: error.details?.limitMb ?? 50 });
    }
    if (isProviderCode(error.code) && provider) {
      return t(`common.errors.${error.code}`, { provider: providerNames[provider], said: error.details?.said ?? '—' });
    }
    return error.message;
  };
}
