import { useI18n } from 'vue-i18n';
import { RpcError, type RpcErrorCode } from '../../src-shared/rpc/rpc-error';

// Errors about the app's own plumbing get a translated explanation; errors about the user's data
// or a provider keep main's specific message (it names the field or quotes the provider).
const translatedCodes = ['unauthorized', 'forbidden', 'offline', 'internal', 'payload_too_large', 'unknown_method'] as const;
type TranslatedCode = (typeof translatedCodes)[number];

function isTranslated(code: RpcErrorCode): code is TranslatedCode {
  return (translatedCodes as readonly string[]).includes(code);
}

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof RpcError) return isTranslated(error.code) ? t(`common.errors.${error.code}`) : error.message;
    return t('common.errors.internal');
  };
}
