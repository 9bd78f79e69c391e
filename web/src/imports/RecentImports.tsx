import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { RecentImport } from '../api/types';
import { useFormat } from '../i18n/format';
import { QueryState } from '../ui/QueryState';
import { TableScroll } from '../ui/TableScroll';
import { jobErrorText } from './imports.text';
import { RECENT_IMPORTS_KEY } from './useImportRun';

// Dark shades: 4.5:1 on white and on the striped rows.
const STATUS_COLOR = { succeeded: 'kontor.9', rejected: '#a33c00', failed: 'red.9' } as const;

const count = (summary: RecentImport['summary'], key: string) => {
  const value = summary[key];
  return typeof value === 'number' ? value : null;
};

/** The latest imports with their outcome; the rejects file of each, while the server still has it. */
export function RecentImports() {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const query = useQuery({
    queryKey: RECENT_IMPORTS_KEY,
    queryFn: () => api.get<{ items: RecentImport[] }>('/imports').then((data) => data.items),
  });
  return (
    <QueryState query={query} isEmpty={(items) => items.length === 0} empty={t('recent.empty')}>
      {(items) => (
        <TableScroll minWidth={720} label={t('recent.title')}>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recent.when')}</Table.Th>
                <Table.Th>{t('recent.file')}</Table.Th>
                <Table.Th miw={130}>{t('recent.status')}</Table.Th>
                <Table.Th className="num">{t('recent.imported')}</Table.Th>
                <Table.Th className="num">{t('recent.rejected')}</Table.Th>
                <Table.Th className="num">{t('recent.duplicates')}</Table.Th>
                <Table.Th className="num">{t('recent.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const { summary } = item;
                const rejects = typeof summary.rejectsFile === 'string' ? summary.rejectsFile : null;
                const total =
                  typeof summary.totalAmount === 'string' && summary.committed ? summary.totalAmount : null;
                const failure = summary.error as { code: string; message: string } | undefined;
                const error = failure ? jobErrorText(t, failure) : null;
                return (
                  <Table.Tr key={item.id}>
                    <Table.Td className="kontor-nowrap">{format.dateTime(item.finishedAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} lineClamp={1} maw={300} miw={140} title={item.fileName}>
                        {item.fileName}
                      </Text>
                      {error && (
                        <Text size="xs" c="red.9" lineClamp={2} maw={320} title={error}>
                          {error}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td className="kontor-nowrap">
                      <Text size="sm" fw={600} c={STATUS_COLOR[item.status]}>
                        {t(`recent.statuses.${item.status}`)}
                      </Text>
                      {rejects && (
                        <Anchor
                          href={rejects}
                          download
                          size="xs"
                          aria-label={t('recent.rejectsFor', { file: item.fileName })}
                        >
                          {t('recent.rejectsFile')}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td className="num">{format.number(count(summary, 'rowsImported'))}</Table.Td>
                    <Table.Td className="num">{format.number(count(summary, 'rowsRejected'))}</Table.Td>
                    <Table.Td className="num">{format.number(count(summary, 'duplicatesSkipped'))}</Table.Td>
                    <Table.Td className="num">{format.money(total)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </QueryState>
  );
}
