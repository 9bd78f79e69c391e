import { Badge, Button, EmptyState, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Activity, Contact, TeamMember } from '../api/types';
import { useSession } from '../auth/session';
import { useFormat } from '../i18n/format';
import { notifyError, notifySaved } from '../ui/notify';
import { ErrorAlert } from '../ui/QueryState';
import { ActivityForm } from './ActivityForm';
import { badgeText, TYPE_COLOR } from './account.colors';
import { accountApi, useActivities, useContacts, useRefreshAccount } from './account.queries';
import { PanelLoading } from './PanelLoading';

/** What was done with the account, newest first, a page at a time; editors log new work on top. */
export function ActivitiesPanel({
  accountId,
  editable,
  team,
}: {
  accountId: string;
  editable: boolean;
  team: TeamMember[] | undefined;
}) {
  const { t } = useTranslation('account');
  const activities = useActivities(accountId);
  const contacts = useContacts(accountId);
  const total = activities.data?.pages[0]?.total ?? 0;
  const items = activities.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('activities.title')}
      </Title>
      {editable && <ActivityForm accountId={accountId} contacts={contacts.data ?? []} />}
      {activities.isPending ? (
        <PanelLoading height={240} />
      ) : activities.isError ? (
        <ErrorAlert error={activities.error} onRetry={() => void activities.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('activities.emptyTitle')} description={t('activities.emptyText')} mih={160} />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('activities.count', { count: total })}
          </Text>
          <Timeline bulletSize={14} lineWidth={2} active={-1}>
            {items.map((activity) => (
              <Timeline.Item key={activity.id} title={<Heading activity={activity} />}>
                <Entry
                  accountId={accountId}
                  activity={activity}
                  contacts={contacts.data ?? []}
                  team={team}
                  editable={editable}
                />
              </Timeline.Item>
            ))}
          </Timeline>
          {activities.hasNextPage && (
            <Group>
              <Button
                variant="light"
                loading={activities.isFetchingNextPage}
                onClick={() => void activities.fetchNextPage()}
              >
                {t('activities.more', { shown: items.length, total })}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

function Heading({ activity }: { activity: Activity }) {
  const { t } = useTranslation('account');
  const format = useFormat();
  return (
    <Group gap="xs" component="span">
      <Badge
        size="sm"
        variant="light"
        color={TYPE_COLOR[activity.type]}
        c={badgeText(TYPE_COLOR[activity.type])}
      >
        {t(`activityTypes.${activity.type}`)}
      </Badge>
      <Text span size="sm" fw={600}>
        {format.date(activity.date)}
      </Text>
      <Text span size="sm" c="dimmed">
        {duration(t, activity.durationMinutes)}
      </Text>
    </Group>
  );
}

export function duration(t: TFunction<'account'>, minutes: number) {
  if (minutes < 60) return t('duration.minutes', { m: minutes });
  const h = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? t('duration.hoursOnly', { h }) : t('duration.hours', { h, m: minutes % 60 });
}

function Entry({
  accountId,
  activity,
  contacts,
  team,
  editable,
}: {
  accountId: string;
  activity: Activity;
  contacts: Contact[];
  team: TeamMember[] | undefined;
  editable: boolean;
}) {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation();
  const { user } = useSession();
  const refresh = useRefreshAccount(accountId);
  const [confirming, setConfirming] = useState(false);
  const names = activity.contactIds
    .map((id) => contacts.find((contact) => contact.id === id)?.name)
    .filter((name): name is string => Boolean(name));
  const by =
    activity.userId === user.id
      ? t('activities.byYou')
      : (activity.userName ?? team?.find((m) => m.userId === activity.userId)?.name);
  const remove = useMutation({
    mutationFn: () => api.delete(`${accountApi.activities(accountId)}/${activity.id}`),
    onSuccess: async () => {
      notifySaved(t('activities.deleted'));
      await refresh('activities');
    },
    onError: (error) => notifyError(common, error),
  });
  return (
    <Stack gap={2}>
      {names.length > 0 && <Text size="sm">{t('activities.with', { names: names.join(', ') })}</Text>}
      {activity.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {activity.notes}
        </Text>
      )}
      <Group gap="xs">
        {by && (
          <Text size="xs" c="dimmed">
            {t('activities.loggedBy', { name: by })}
          </Text>
        )}
        {editable && !confirming && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>
            {common('delete')}
          </Button>
        )}
        {editable && confirming && (
          <Group gap={4}>
            <Text size="xs">{t('activities.confirmDelete')}</Text>
            <Button size="compact-xs" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {common('delete')}
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)}>
              {common('cancel')}
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
