import { Alert, Button, Group, Progress, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ImportResult } from './ImportResult';
import { jobErrorText } from './imports.text';
import type { RunState } from './job';

export type OnError = 'abort' | 'skip';

/** The on-error choice, the start button, the progress bar and, once over, the result. */
export function RunPanel({
  fileName,
  onError,
  onErrorChange,
  blocked,
  run,
  onStart,
  onSkipInstead,
  onAnother,
}: {
  fileName: string;
  onError: OnError;
  onErrorChange: (value: OnError) => void;
  /** Why the import cannot start yet, or null. */
  blocked: string | null;
  run: RunState;
  onStart: () => void;
  onSkipInstead: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation('imports');
  const busy = run.stage === 'uploading' || run.stage === 'running';
  const over = run.stage === 'succeeded' || run.stage === 'rejected' || run.stage === 'failed';
  return (
    <Stack gap="md">
      <Radio.Group
        label={t('run.onError')}
        value={onError}
        onChange={(value) => onErrorChange(value as OnError)}
      >
        <Group mt={6} gap="xl" align="flex-start">
          <Radio value="abort" label={t('run.abort')} description={t('run.abortHint')} disabled={busy} />
          <Radio value="skip" label={t('run.skip')} description={t('run.skipHint')} disabled={busy} />
        </Group>
      </Radio.Group>
      {!over && (
        <Group>
          <Button onClick={onStart} disabled={blocked !== null || busy} loading={busy}>
            {t('run.start', { file: fileName })}
          </Button>
          {blocked && (
            <Text size="sm" c="dimmed">
              {blocked}
            </Text>
          )}
        </Group>
      )}
      {run.stage !== 'idle' && <RunProgress run={run} />}
      {run.stage === 'failed' && run.error && (
        <Alert color="red" title={t('result.failed')} role="alert">
          {jobErrorText(t, run.error)}
        </Alert>
      )}
      {run.summary && (
        <ImportResult
          summary={run.summary}
          jobId={run.jobId}
          onSkipInstead={run.stage === 'rejected' ? onSkipInstead : null}
        />
      )}
      {over && (
        <Group>
          <Button variant="light" onClick={onAnother}>
            {t('run.again')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function RunProgress({ run }: { run: RunState }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const uploading = run.stage === 'uploading';
  const percent = Math.round(run.fraction * 100);
  const phase = run.phase ?? 'queued';
  const color = run.stage === 'failed' ? 'red' : run.stage === 'rejected' ? 'orange' : undefined;
  return (
    <Stack gap={4}>
      <Progress.Root size="lg">
        <Progress.Section
          value={uploading ? 100 : percent}
          striped={uploading || run.stage === 'running'}
          animated={uploading}
          color={color}
          aria-label={t('progress.label')}
          aria-valuetext={uploading ? t('progress.uploading') : format.percent(run.fraction, 0)}
        />
      </Progress.Root>
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {t(`progress.${phase}`)}
        {run.stage === 'running' && phase !== 'queued' ? ` ${format.percent(run.fraction, 0)}` : ''}
      </Text>
    </Stack>
  );
}
