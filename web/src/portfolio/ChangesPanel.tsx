import { Badge, Center, Skeleton, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ErrorAlert } from '../ui/QueryState';
import { CLASS_COLORS } from './AbcPanel';
import { AccountLink, Section } from './parts';
import { type ListSource, type Snapshot, snapshotList, useSnapshot } from './portfolio.queries';
import { ShowMore } from './ShowMore';

type Change = NonNullable<Snapshot['changes']>['classChanges'][number];

/** Class and tier changes of the latest published snapshot against the one before (whole portfolio). */
export function ChangesPanel() {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const snapshot = useSnapshot();
  const data = snapshot.data;
  let description: string | undefined;
  if (data === null) description = t('changes.notPublished');
  else if (data && !data.changes) description = t('changes.first', { date: format.dateTime(data.createdAt) });
  else if (data?.changes)
    description = t('changes.since', {
      date: format.dateTime(data.createdAt),
      since: format.dateTime(data.changes.since),
    });
  return (
    <Section id="changes" title={t('changes.title')} description={description}>
      {snapshot.isPending ? (
        <Skeleton h={120} />
      ) : snapshot.isError ? (
        <ErrorAlert error={snapshot.error} onRetry={() => void snapshot.refetch()} />
      ) : data?.changes ? (
        <Tabs defaultValue="classes" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="classes">
              {t('changes.classes', { count: data.listTotals.classChanges })}
            </Tabs.Tab>
            <Tabs.Tab value="tiers">{t('changes.tiers', { count: data.listTotals.tierChanges })}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="classes" pt="xs">
            <ChangeTable
              changes={data.changes.classChanges}
              total={data.listTotals.classChanges}
              source={snapshotList(data.snapshotId, 'classChanges')}
              kind="class"
            />
          </Tabs.Panel>
          <Tabs.Panel value="tiers" pt="xs">
            <ChangeTable
              changes={data.changes.tierChanges}
              total={data.listTotals.tierChanges}
              source={snapshotList(data.snapshotId, 'tierChanges')}
              kind="tier"
            />
          </Tabs.Panel>
        </Tabs>
      ) : null}
    </Section>
  );
}

function ChangeTable({
  changes,
  total,
  source,
  kind,
}: {
  changes: Change[];
  total: number;
  source: ListSource<Change>;
  kind: 'class' | 'tier';
}) {
  const { t } = useTranslation('portfolio');
  const { t: tc } = useTranslation();
  if (changes.length === 0)
    return (
      <Center mih={80}>
        <Text c="dimmed">{t('changes.none')}</Text>
      </Center>
    );
  const show = (value: string) =>
    kind === 'class' ? (
      <Badge color={CLASS_COLORS[value as 'A' | 'B' | 'C'] ?? 'gray'} variant="filled" radius="sm">
        {value}
      </Badge>
    ) : (
      <Text size="sm">{tc(`tiers.${value as 'green' | 'transactional'}`)}</Text>
    );
  return (
    <ShowMore
      items={changes}
      total={total}
      source={source}
      render={(rows) => (
        <Table verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('table.account')}</Table.Th>
              <Table.Th>{t('table.before')}</Table.Th>
              <Table.Th>{t('table.now')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((change) => (
              <Table.Tr key={change.id}>
                <Table.Td maw={260}>
                  <AccountLink id={change.id} name={change.name} />
                </Table.Td>
                <Table.Td>{show(change.from)}</Table.Td>
                <Table.Td>{show(change.to)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    />
  );
}
