import { useI18n } from 'vue-i18n';
import type { FinancingState, LedgerEventType } from '../../src-shared/domain/records';

/**
 * Labels for values a provider may send that Reskontra does not know: "Unknown (X)" with the
 * provider's own word, so an unknown value is seen rather than hidden or fatal.
 */
export function useRecordLabels() {
  const { t } = useI18n();
  return {
    eventType(event: { type: LedgerEventType; providerType?: string | undefined }): string {
      return event.type === 'unknown' && event.providerType ? t('common.event.unknownType', { value: event.providerType }) : t(`common.event.types.${event.type}`);
    },
    financing(invoice: { financing: FinancingState; providerFinancing?: string | undefined }): string {
      return invoice.financing === 'unknown' && invoice.providerFinancing
        ? t('common.invoice.unknownFinancing', { value: invoice.providerFinancing })
        : t(`common.invoice.financing.${invoice.financing}`);
    },
  };
}
