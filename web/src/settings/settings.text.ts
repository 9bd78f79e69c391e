import { useTranslation } from 'react-i18next';
import type { SettingsDocument } from '../api/types';
import { localeOf } from '../i18n/format';
import { type FieldValue, type FormValues, readPath, shareToPercent, toFormValues } from './settings.form';
import type { FieldSpec, GroupSpec } from './settings.groups';

/** Values as a sales leader reads them: "80%", "30 days", "€85.50", "April". */
export function formatSetting(field: FieldSpec, value: FieldValue, locale: string, currency: string): string {
  if (typeof value === 'string') return value;
  switch (field.kind) {
    case 'share':
    case 'rate':
      return (value / 100).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 2 });
    case 'money':
      // €85 or €85.50, never €85.5.
      return value.toLocaleString(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
        maximumFractionDigits: 2,
      });
    case 'month':
      return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2024, value - 1, 1)),
      );
    default:
      return value.toLocaleString(locale);
  }
}

/** Labels, explanations with the typed value filled in, and the default, for each field. */
export function useSettingText() {
  const { t, i18n } = useTranslation('settings');
  const locale = localeOf(i18n.language);
  const key = (field: FieldSpec) => `fields.${field.path}` as const;

  return {
    label: (field: FieldSpec) => t(`${key(field)}.label`),
    help: (field: FieldSpec, values: FormValues, baseline: SettingsDocument) => {
      const typed = values[field.path];
      const valid = typeof typed === 'number' || (typeof typed === 'string' && typed !== '');
      const saved = toFormValues({ fields: [field] } as GroupSpec, baseline)[field.path] ?? '';
      const value = valid ? (typed as FieldValue) : saved;
      const share = (share: number) =>
        formatSetting({ path: field.path, kind: 'share' }, shareToPercent(share), locale, baseline.currency);
      const factor = typeof value === 'number' ? value / 100 : 0;
      return t(`${key(field)}.help`, {
        value: formatSetting(field, value, locale, baseline.currency),
        count: baseline.concentration.topCustomersCount,
        reach: share(baseline.concentration.reachShare),
        example: share((field.path === 'timeAllocation.newFactor' ? 0.8 : 0.7) * factor),
      });
    },
    defaultText: (field: FieldSpec, document: SettingsDocument) => {
      const raw = readPath(document.defaults, field.path);
      const value =
        typeof raw === 'number' && (field.kind === 'share' || field.kind === 'rate')
          ? shareToPercent(raw)
          : raw;
      const number = formatSetting(field, value as FieldValue, locale, document.currency);
      const shown = field.unit ? `${number} ${t(`units.${field.unit}`)}` : number;
      return field.kontorDefault
        ? t('defaultKontor', { value: shown })
        : t('defaultMethod', { value: shown });
    },
  };
}
