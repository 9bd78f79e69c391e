import { Alert, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../api/types';
import { useFormat } from '../i18n/format';
import { ErrorAlert } from '../ui/QueryState';
import { type DateFormat, fileSize } from './imports.text';
import { MappingEditor } from './MappingEditor';
import type { MappingDraft, RequiredField } from './mapping';
import { PreviewAlerts, SampleSummary } from './PreviewAlerts';
import { PreviewTable } from './PreviewTable';
import { ReadingOptions } from './ReadingOptions';
import { type PreviewOptions, WHOLE_FILE_LIMIT } from './useImportPreview';

type Choice = Pick<PreviewOptions, 'encoding' | 'decimal' | 'dateFormat' | 'sheet'>;

/** Steps 2 and 3: how Kontor reads the file (formats, mapping) and its first rows as they will be imported. */
export function PreviewSection({
  query,
  draft,
  missing,
  choice,
  locked,
  onChoice,
  onDraft,
}: {
  query: UseQueryResult<ImportPreview | null>;
  draft: MappingDraft | null;
  missing: RequiredField[];
  choice: Choice;
  locked: boolean;
  onChoice: (choice: Choice) => void;
  onDraft: (draft: MappingDraft) => void;
}) {
  const { t } = useTranslation('imports');
  const { t: common } = useTranslation();
  const format = useFormat();
  if (query.isPending)
    return (
      <Paper withBorder p="md">
        <Center mih={240} role="status">
          <Group gap="xs">
            <Loader size="sm" />
            <Text c="dimmed">{t('file.reading')}</Text>
          </Group>
        </Center>
      </Paper>
    );
  if (query.isError)
    return (
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('alerts.previewFailed')}
          </Title>
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        </Stack>
      </Paper>
    );
  const preview = query.data;
  if (!preview)
    return (
      <Alert color="blue" title={t('alerts.tooLargeTitle')}>
        {t('alerts.tooLarge', { limit: fileSize(WHOLE_FILE_LIMIT, format.locale) })}
      </Alert>
    );
  const pending = query.isFetching;
  return (
    <>
      <Paper withBorder p="md" aria-busy={pending}>
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('steps.reading')}
          </Title>
          <ReadingOptions preview={preview} choice={choice} onChange={onChoice} disabled={locked} />
          <PreviewAlerts
            preview={preview}
            missing={missing}
            dateFormat={choice.dateFormat}
            onDateFormat={(dateFormat: DateFormat) => onChoice({ ...choice, dateFormat })}
            disabled={locked}
          />
          {draft && <MappingEditor preview={preview} draft={draft} onChange={onDraft} disabled={locked} />}
        </Stack>
      </Paper>
      <Paper withBorder p="md" aria-busy={pending}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('steps.rows')}
            </Title>
            {pending && <Loader size="xs" aria-label={common('loading')} />}
          </Group>
          <SampleSummary preview={preview} />
          {preview.rows.length === 0 ? (
            <Text c="dimmed">{t('rows.none')}</Text>
          ) : preview.mapping.length === 0 ? (
            <Text c="dimmed">{t('rows.noFields')}</Text>
          ) : (
            <PreviewTable preview={preview} rows={preview.rows} caption={t('rows.caption')} />
          )}
          {preview.flagged.length > 0 && (
            <>
              <Title order={3} size="h5">
                {t('rows.flagged')}
              </Title>
              <PreviewTable preview={preview} rows={preview.flagged} caption={t('rows.flaggedCaption')} />
            </>
          )}
        </Stack>
      </Paper>
    </>
  );
}
