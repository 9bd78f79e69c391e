import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../auth/session';
import { useFormat } from '../i18n/format';
import { FileDropZone } from './FileDropZone';
import { fileSize } from './imports.text';
import { draftFromPreview, type MappingDraft, mapPairs, missingFields, sameHeaders } from './mapping';
import { PreviewSection } from './PreviewSection';
import { RecentImports } from './RecentImports';
import { type OnError, RunPanel } from './RunPanel';
import { optionsQuery, type PreviewOptions, useImportPreview } from './useImportPreview';
import { useImportRun } from './useImportRun';
import './imports.css';

type Choice = Pick<PreviewOptions, 'encoding' | 'decimal' | 'dateFormat' | 'sheet'>;
const NO_CHOICE: Choice = { encoding: null, decimal: null, dateFormat: null, sheet: null };
let nextFileId = 1;

/** Upload a sales file: see how Kontor reads it, correct the mapping, import it and read the outcome. */
export function ImportPage() {
  const { t } = useTranslation('imports');
  const { user } = useSession();
  const format = useFormat();
  const [chosen, setChosen] = useState<{ id: number; file: File } | null>(null);
  const [choice, setChoice] = useState<Choice>(NO_CHOICE);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [onError, setOnError] = useState<OnError>('abort');
  const { state: run, start, reset } = useImportRun();
  const options: PreviewOptions = { ...choice, map: draft ? mapPairs(draft) : [] };
  const preview = useImportPreview(chosen, options);

  // A new file, encoding or sheet can bring other headers: the mapping starts again from recognition.
  useEffect(() => {
    if (preview.data && !sameHeaders(draft, preview.data)) setDraft(draftFromPreview(preview.data));
  }, [preview.data, draft]);

  if (!can(user.role).import)
    return (
      <Stack maw={640}>
        <Title order={1}>{t('title')}</Title>
        <Alert color="gray" role="alert">
          {t('noAccess')}
        </Alert>
      </Stack>
    );

  const busy = run.stage === 'uploading' || run.stage === 'running';
  const changed =
    <T,>(apply: (value: T) => void) =>
    (value: T) => {
      if (run.stage !== 'idle') reset();
      apply(value);
    };
  const chooseFile = (file: File) => {
    reset();
    setChosen({ id: nextFileId++, file });
    setChoice(NO_CHOICE);
    setDraft(null);
  };
  const missing = draft ? missingFields(draft) : [];
  const data = preview.data;
  const blocked = preview.isPending
    ? t('file.reading')
    : preview.isError
      ? t('run.blockedPreview')
      : missing.length > 0
        ? t('run.blockedMissing')
        : data && data.date.status === 'unknown' && !choice.dateFormat
          ? t('run.blockedDates')
          : null;
  const launch = (mode: OnError) => {
    if (!chosen) return;
    void start(chosen.file, { ...optionsQuery(chosen.file.name, options), onError: mode });
  };

  return (
    <Stack gap="lg" maw={1400} className="kontor-imports">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('intro')}
        </Text>
      </div>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('steps.file')}
          </Title>
          {chosen ? (
            <Group justify="space-between" wrap="wrap">
              <div>
                <Text fw={600} data-testid="chosen-file">
                  {chosen.file.name}
                </Text>
                <Text size="sm" c="dimmed">
                  {fileSize(chosen.file.size, format.locale)}
                </Text>
              </div>
              <Button variant="default" disabled={busy} onClick={() => setChosen(null)}>
                {t('file.change')}
              </Button>
            </Group>
          ) : (
            <FileDropZone onFile={chooseFile} />
          )}
        </Stack>
      </Paper>
      {chosen && (
        <>
          <PreviewSection
            query={preview}
            draft={draft}
            missing={missing}
            choice={choice}
            locked={busy}
            onChoice={changed((next: Choice) => {
              // Another encoding or sheet can rename the headers the mapping's pairs point at.
              if (next.encoding !== choice.encoding || next.sheet !== choice.sheet) setDraft(null);
              setChoice(next);
            })}
            onDraft={changed(setDraft)}
          />
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('steps.run')}
              </Title>
              <RunPanel
                fileName={chosen.file.name}
                onError={onError}
                onErrorChange={changed(setOnError)}
                blocked={blocked}
                run={run}
                onStart={() => launch(onError)}
                onSkipInstead={() => {
                  setOnError('skip');
                  launch('skip');
                }}
                onAnother={() => {
                  reset();
                  setChosen(null);
                }}
              />
            </Stack>
          </Paper>
        </>
      )}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('recent.title')}
          </Title>
          <RecentImports />
        </Stack>
      </Paper>
    </Stack>
  );
}
