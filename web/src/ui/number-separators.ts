import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/format';

/** The decimal and grouping marks of the user's language, for Mantine's NumberInput ("12,5" in German). */
export function numberSeparators(locale: string): { decimalSeparator: string; thousandSeparator: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimalSeparator: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    thousandSeparator: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

export function useNumberSeparators() {
  const { i18n } = useTranslation();
  return numberSeparators(localeOf(i18n.language));
}
