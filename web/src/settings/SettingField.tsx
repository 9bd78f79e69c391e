import { NumberInput, Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/format';
import { useNumberSeparators } from '../ui/number-separators';
import type { FieldValue } from './settings.form';
import type { FieldSpec } from './settings.groups';

interface Props {
  field: FieldSpec;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
  label: string;
  /** What the number means, with the value being typed filled in. */
  help: string;
  /** "Method default: 80%". */
  defaultText: string;
  error: string | undefined;
  /** The workspace currency, shown beside money. */
  currency: string;
}

/** One setting: its label, what it means, the method's default, and the input its kind needs. */
export function SettingField({ field, value, onChange, label, help, defaultText, error, currency }: Props) {
  const { t, i18n } = useTranslation('settings');
  const separators = useNumberSeparators();
  const locale = localeOf(i18n.language);
  const description = (
    <Stack gap={2} component="span">
      <Text span size="xs" c="dimmed">
        {help}
      </Text>
      <Text span size="xs" c="dimmed" fw={600}>
        {defaultText}
      </Text>
    </Stack>
  );
  // The text may run wide; the input itself stays as narrow as its value.
  const common = (width: number) => ({
    label,
    description,
    error,
    maw: 640,
    inputWrapperOrder: ORDER,
    styles: { wrapper: { maxWidth: width } },
  });
  const months = useMemo(() => monthOptions(locale), [locale]);
  const currencies = useMemo(() => currencyOptions(locale), [locale]);

  if (field.kind === 'currency')
    return (
      <Select
        {...common(320)}
        data={currencies}
        value={typeof value === 'string' ? value : null}
        onChange={(next) => onChange(next ?? '')}
        searchable
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
    );
  if (field.kind === 'month')
    return (
      <Select
        {...common(240)}
        data={months}
        value={typeof value === 'number' ? String(value) : null}
        onChange={(next) => onChange(next ? Number(next) : '')}
        allowDeselect={false}
      />
    );
  const percent = field.kind === 'share' || field.kind === 'rate';
  const suffix = percent
    ? i18n.language.startsWith('de')
      ? ' %'
      : '%'
    : field.kind === 'money'
      ? ` ${currency}`
      : field.unit
        ? ` ${t(`units.${field.unit}`)}`
        : undefined;
  return (
    <NumberInput
      {...common(220)}
      value={value ?? ''}
      onChange={(next) => onChange(typeof next === 'number' ? next : '')}
      suffix={suffix}
      decimalSeparator={separators.decimalSeparator}
      thousandSeparator={field.kind === 'money' ? separators.thousandSeparator : undefined}
      allowDecimal={field.kind !== 'count'}
      decimalScale={percent || field.kind === 'money' ? 2 : 0}
      allowNegative={false}
      clampBehavior="none"
      hideControls={field.kind !== 'count'}
    />
  );
}

const ORDER: ('label' | 'description' | 'input' | 'error')[] = ['label', 'description', 'input', 'error'];

function monthOptions(locale: string) {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: format.format(new Date(Date.UTC(2024, i, 1))),
  }));
}

/** Every ISO 4217 currency the browser knows, with its name in the user's language. */
function currencyOptions(locale: string) {
  const codes =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('currency')
      : ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK'];
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return codes.map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}
