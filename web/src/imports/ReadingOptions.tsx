import { Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../api/types';
import { DATE_FORMATS, type DateFormat, dateFormatLabel, ENCODINGS, formatLabel } from './imports.text';
import type { PreviewOptions } from './useImportPreview';

type Choice = Pick<PreviewOptions, 'encoding' | 'decimal' | 'dateFormat' | 'sheet'>;

/**
 * What Kontor detected (format, encoding, decimal separator, dates, sheet), each with a way to say
 * otherwise. "Detect" (the empty value) leaves the choice to the import, as the CLI does without flags.
 */
export function ReadingOptions({
  preview,
  choice,
  onChange,
  disabled,
}: {
  preview: ImportPreview;
  choice: Choice;
  onChange: (choice: Choice) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('imports');
  // The option says "Automatic"; what detection found is written under the field, where it can wrap.
  const auto = () => t('detected.autoShort');
  const found = (detected: string | null) =>
    detected ? t('detected.auto', { value: detected }) : t('detected.chosen');
  const set = (key: keyof Choice) => (value: string | null) => onChange({ ...choice, [key]: value || null });

  const encoding = preview.encoding;
  const encodingLabel = (value: string) => t(`encodings.${value}` as never);
  const decimalLabel = (value: string) => (value === ',' ? t('decimals.comma') : t('decimals.point'));
  const date = preview.date;
  const dateFound =
    date.status === 'detected' && date.format
      ? found(dateFormatLabel(t, date.format))
      : date.status === 'chosen'
        ? found(null)
        : t(`dateStatus.${date.status}` as never);

  const fact = (label: string, value: string, testId?: string) => (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
  const selects = [
    encoding && (
      <Select
        key="encoding"
        label={t('detected.encoding')}
        description={found(encoding.chosen ? null : encodingLabel(encoding.value))}
        value={choice.encoding ?? ''}
        onChange={set('encoding')}
        disabled={disabled}
        allowDeselect={false}
        data={[
          { value: '', label: auto() },
          ...ENCODINGS.map((value) => ({ value, label: encodingLabel(value) })),
        ]}
      />
    ),
    <Select
      key="decimal"
      label={t('detected.decimal')}
      description={found(preview.decimal.chosen ? null : decimalLabel(preview.decimal.value))}
      value={choice.decimal ?? ''}
      onChange={set('decimal')}
      disabled={disabled}
      allowDeselect={false}
      data={[
        { value: '', label: auto() },
        { value: '.', label: decimalLabel('.') },
        { value: ',', label: decimalLabel(',') },
      ]}
    />,
    <Select
      key="dates"
      label={t('detected.dates')}
      description={dateFound}
      value={choice.dateFormat ?? ''}
      onChange={set('dateFormat')}
      disabled={disabled}
      allowDeselect={false}
      data={[
        { value: '', label: auto() },
        ...DATE_FORMATS.map((value: DateFormat) => ({ value, label: dateFormatLabel(t, value) })),
      ]}
    />,
    preview.sheets && (
      <Select
        key="sheet"
        label={t('detected.sheet')}
        description={
          choice.sheet ? t('detected.chosen') : t('detected.firstSheet', { sheet: preview.sheets[0] ?? '' })
        }
        value={choice.sheet ?? ''}
        onChange={set('sheet')}
        disabled={disabled}
        allowDeselect={false}
        data={[
          { value: '', label: auto() },
          ...preview.sheets.map((sheet) => ({ value: sheet, label: sheet })),
        ]}
      />
    ),
  ].filter(Boolean);
  return (
    <Stack gap="sm">
      <Group gap="xl">
        {fact(t('detected.format'), formatLabel(t, preview), 'detected-format')}
        {!encoding && fact(t('detected.encoding'), t('detected.noEncoding'))}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {selects}
      </SimpleGrid>
    </Stack>
  );
}
