import { EmptyState, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../api/types';
import { useFormat } from '../i18n/format';
import { ErrorAlert } from '../ui/QueryState';
import { useHistory } from './account.queries';
import { type FieldChange, historyChanges } from './history.diff';
import { PanelLoading } from './PanelLoading';

const KNOWN = [
  'name',
  'segment',
  'region',
  'owner',
  'wallet',
  'manualClass.class',
  'manualClass.reason',
  'manualTier.tier',
  'manualTier.reason',
] as const;
type KnownField = (typeof KNOWN)[number];
const isKnown = (field: string): field is KnownField => (KNOWN as readonly string[]).includes(field);

/** Who changed what and when, from the audit log: one card per change, one row per field. */
export function HistoryPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('account');
  const history = useHistory(accountId);
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('history.title')}
      </Title>
      {history.isPending ? (
        <PanelLoading height={240} />
      ) : history.isError ? (
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <EmptyState title={t('history.emptyTitle')} description={t('history.emptyText')} mih={160} />
      ) : (
        history.data.map((entry) => <Change key={entry.id} entry={entry} />)
      )}
    </Stack>
  );
}

function Change({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation('account');
  const format = useFormat();
  const changes = historyChanges(entry.before, entry.after);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="article"
      aria-label={t('history.entryLabel', { at: format.dateTime(entry.at) })}
    >
      <Text size="sm" mb={changes.length > 0 ? 'xs' : 0}>
        {t(`history.action.${entry.action}`, { actor: entry.actor, at: format.dateTime(entry.at) })}
      </Text>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.nothingVisible')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table withTableBorder={false} verticalSpacing={4} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="26%">{t('history.field')}</Table.Th>
                <Table.Th>{t('history.before')}</Table.Th>
                <Table.Th>{t('history.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((change) => (
                <Row key={change.field} change={change} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function Row({ change }: { change: FieldChange }) {
  const { t } = useTranslation('account');
  const value = useValue();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {isKnown(change.field) ? t(`history.fields.${change.field}`) : change.field}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
          {value(change.field, change.before)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          <Text span aria-hidden c="dimmed" mr={6}>
            →
          </Text>
          {value(change.field, change.after)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** A value as people read it: tiers by name, money as money, an empty manual class as "automatic". */
function useValue() {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation();
  const format = useFormat();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') {
      if (field === 'manualClass.class' || field === 'manualTier.tier') return t('history.automatic');
      return common('none');
    }
    if (field === 'manualTier.tier' && (value === 'green' || value === 'transactional'))
      return common(`tiers.${value}`);
    if (field === 'wallet') return format.money(String(value));
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
}
