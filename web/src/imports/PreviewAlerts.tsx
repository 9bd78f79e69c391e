import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../api/types';
import { useFormat } from '../i18n/format';
import { type DateFormat, dateFormatLabel, fieldLabel } from './imports.text';
import type { RequiredField } from './mapping';

/** What stands between the file and an import, said before the user runs it. */
export function PreviewAlerts({
  preview,
  missing,
  dateFormat,
  onDateFormat,
  disabled,
}: {
  preview: ImportPreview;
  /** Required fields the current mapping lacks. */
  missing: RequiredField[];
  dateFormat: string | null;
  onDateFormat: (format: DateFormat) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const date = preview.date;
  const names = missing.map((field) =>
    field === 'amount' ? t('alerts.amountOrPriced') : fieldLabel(t, field),
  );
  const example = preview.rows.find((row) => row.cells.date?.problem?.code === 'ambiguous_date')?.cells.date;
  const readings = (example?.readings ?? []).map((reading) => (reading ? format.date(reading) : '—'));
  const dateHeader = preview.mapping.find((entry) => entry.field === 'date')?.header ?? '';
  return (
    <Stack gap="sm">
      {missing.length > 0 && (
        <Alert color="red" title={t('alerts.missingTitle')} role="alert">
          <Stack gap={4}>
            <Text size="sm">{t('alerts.missing', { fields: names.join(', ') })}</Text>
            {preview.sheets && preview.sheets.length > 1 && (
              <Text size="sm">{t('alerts.otherSheets', { count: preview.sheets.length })}</Text>
            )}
          </Stack>
        </Alert>
      )}
      {date.status === 'ambiguous' && !dateFormat && (
        <Alert color="yellow" title={t('alerts.ambiguousTitle')}>
          <Stack gap="xs">
            <Text size="sm">
              {t('alerts.ambiguous', {
                example: example?.text ?? '',
                first: readings[0] ?? '',
                second: readings[1] ?? '',
              })}
            </Text>
            <Group gap="xs">
              {date.candidates.map((candidate) => (
                <Button
                  key={candidate}
                  size="xs"
                  variant="default"
                  disabled={disabled}
                  onClick={() => onDateFormat(candidate)}
                >
                  {dateFormatLabel(t, candidate)}
                </Button>
              ))}
            </Group>
          </Stack>
        </Alert>
      )}
      {date.status === 'unknown' && !dateFormat && (
        <Alert color="red" title={t('alerts.unknownTitle')} role="alert">
          {t('alerts.unknown', {
            example: preview.examples[columnOf(preview, 'date')] ?? '',
            column: dateHeader,
          })}
        </Alert>
      )}
      {preview.warnings.map((warning) => (
        <Alert key={warning.code} color="yellow">
          {t('alerts.mixedCurrencies', { list: warning.values.join(', ') })}
        </Alert>
      ))}
    </Stack>
  );
}

const columnOf = (preview: ImportPreview, field: string) =>
  preview.mapping.find((entry) => entry.field === field)?.column ?? -1;

/** "Kontor checked the first 500 rows: 3 rows have problems." */
export function SampleSummary({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  if (preview.missing.length > 0 || !['detected', 'chosen'].includes(preview.date.status)) return null;
  const problems = preview.rowsWithProblems;
  return (
    <Text size="sm" c={problems > 0 ? 'red.8' : undefined} data-testid="sample-summary">
      {t('alerts.sample', { rows: format.number(preview.sampleRows) })}
      {problems > 0 ? t('alerts.sampleProblems', { count: problems }) : t('alerts.sampleClean')}
    </Text>
  );
}
