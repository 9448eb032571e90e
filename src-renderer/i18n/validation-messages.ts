/** The app's translate function, as i18n.global.t is called here. */
type Translate = (key: string, values?: Record<string, unknown>) => string;

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function messageFor(field: Field, t: Translate): string {
  const { validity } = field;
  if (validity.valueMissing) return t('common.validation.required');
  if (validity.tooLong) return t('common.validation.tooLong', { max: field instanceof HTMLSelectElement ? 0 : field.maxLength });
  if (validity.typeMismatch && field.type === 'url') return t('common.validation.url');
  if (validity.typeMismatch && field.type === 'email') return t('common.validation.email');
  return t('common.validation.invalid');
}

/**
 * The browser words its form validation in its own language ("Please fill out this field."), not
 * the app's: each invalid field gets the app's sentence instead, cleared as soon as it is edited so
 * the browser checks it afresh.
 */
export function translateValidation(target: Document, t: Translate): void {
  target.addEventListener(
    'invalid',
    (event) => {
      const field = event.target;
      if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement)) return;
      // Only the browser's own checks: a custom message the app set itself stays.
      const { valueMissing, tooLong, typeMismatch, patternMismatch, rangeOverflow, rangeUnderflow, stepMismatch, badInput, tooShort } = field.validity;
      if (valueMissing || tooLong || typeMismatch || patternMismatch || rangeOverflow || rangeUnderflow || stepMismatch || badInput || tooShort) {
        field.setCustomValidity(messageFor(field, t));
      }
    },
    true,
  );
  const clear = (event: Event) => {
    const field = event.target;
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement) field.setCustomValidity('');
  };
  target.addEventListener('input', clear, true);
  target.addEventListener('change', clear, true);
}
