import {
  Button,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import type { Activity, ActivityCreate, Contact } from '../api/types';
import { notifySaved } from '../ui/notify';
import { ErrorAlert } from '../ui/QueryState';
import { ACTIVITY_TYPES } from './account.enums';
import { accountApi, useRefreshAccount } from './account.queries';

const FIELDS = ['type', 'date', 'durationMinutes', 'contactIds', 'notes'];

/** Today in the user's time zone, as the API's YYYY-MM-DD. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/**
 * Logging a visit or call takes a few seconds: type, day, minutes (METHOD P2 sets effort against
 * return, so the duration is asked for), who was there, what came out of it.
 */
export function ActivityForm({ accountId, contacts }: { accountId: string; contacts: Contact[] }) {
  const { t } = useTranslation('account');
  const refresh = useRefreshAccount(accountId);
  const [type, setType] = useState<Activity['type']>('visit');
  const [date, setDate] = useState(today);
  const [minutes, setMinutes] = useState<number | string>(60);
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [tried, setTried] = useState(false);
  const missingMinutes = minutes === '' || Number.isNaN(Number(minutes));

  const log = useMutation({
    mutationFn: () => {
      const body: ActivityCreate = {
        type,
        date,
        durationMinutes: Number(minutes),
        contactIds: contactIds.map(Number),
        notes,
      };
      return api.post<Activity>(accountApi.activities(accountId), body);
    },
    onSuccess: async () => {
      notifySaved(t('activities.logged'));
      setContactIds([]);
      setNotes('');
      setTried(false);
      await refresh('activities');
    },
  });
  const failure = log.error instanceof ApiError ? log.error : null;
  const fieldError = (field: string) => failure?.fieldMessage(field);
  const unexplained = log.error && !FIELDS.some((field) => fieldError(field));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="log-title">
      <Title order={3} size="h5" id="log-title" mb="sm">
        {t('activities.logTitle')}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!missingMinutes && date) log.mutate();
        }}
      >
        <Grid gap="sm">
          <Grid.Col span={{ base: 6, md: 3 }}>
            <Select
              label={t('activities.type')}
              required
              allowDeselect={false}
              data={ACTIVITY_TYPES.map((value) => ({ value, label: t(`activityTypes.${value}`) }))}
              value={type}
              onChange={(value) => value && setType(value as Activity['type'])}
              error={fieldError('type')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput
              label={t('activities.date')}
              type="date"
              required
              value={date}
              max={today()}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={(tried && !date ? t('activities.dateRequired') : undefined) ?? fieldError('date')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <NumberInput
              label={t('activities.minutes')}
              required
              min={0}
              max={1440}
              step={15}
              allowDecimal={false}
              allowNegative={false}
              value={minutes}
              onChange={setMinutes}
              error={
                (tried && missingMinutes ? t('activities.minutesRequired') : undefined) ??
                fieldError('durationMinutes')
              }
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4 }}>
            <MultiSelect
              label={t('activities.contacts')}
              placeholder={contactIds.length === 0 ? t('activities.contactsPlaceholder') : undefined}
              searchable
              clearable
              nothingFoundMessage={t('contacts.noMatch')}
              data={[...contacts]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((contact) => ({ value: String(contact.id), label: contact.name }))}
              value={contactIds}
              onChange={setContactIds}
              error={fieldError('contactIds')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('activities.notes')}
              placeholder={t('activities.notesPlaceholder')}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={10_000}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
              error={fieldError('notes')}
            />
          </Grid.Col>
        </Grid>
        {unexplained && (
          <Group mt="sm">
            <ErrorAlert error={log.error} />
          </Group>
        )}
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={log.isPending}>
            {t('activities.logButton')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
