import { Badge, Center, Drawer, Group, Pagination, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ErrorAlert } from '../ui/QueryState';
import { CLASS_COLORS } from './AbcPanel';
import { AccountLink } from './parts';
import { CELL_PAGE_SIZE, type MatrixCell, useCellAccounts } from './portfolio.queries';
import type { PortfolioView } from './view';

/** The accounts of one revenue × margin cell, a page at a time, each linking to its account page. */
export function MatrixCellDrawer({
  view,
  cell,
  summary,
  onClose,
}: {
  view: PortfolioView;
  cell: MatrixCell | null;
  summary: { count: number; revenue: number; margin: number } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const { t: tc } = useTranslation();
  const format = useFormat();
  // The page belongs to the cell: another cell starts on its first page.
  const [paging, setPaging] = useState<{ cell: MatrixCell | null; page: number }>({ cell, page: 1 });
  const page = paging.cell === cell ? paging.page : 1;
  const setPage = (next: number) => setPaging({ cell, page: next });
  const query = useCellAccounts(view, cell, page);
  const rows = query.data?.accounts;
  const pages = rows ? Math.max(1, Math.ceil(rows.total / CELL_PAGE_SIZE)) : 1;
  return (
    <Drawer
      opened={cell !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        cell && (
          <Text fw={700} size="lg" component="span">
            {t('matrix.drawer', { revenue: cell[0], margin: cell[1] })}
          </Text>
        )
      }
      closeButtonProps={{ 'aria-label': tc('close') }}
    >
      <Stack gap="sm">
        {summary && (
          <Text size="sm" c="dimmed">
            {t('matrix.drawerHint', {
              accounts: t('matrix.accounts', {
                count: summary.count,
                formatted: format.number(summary.count),
              }),
              revenue: format.money(summary.revenue),
              margin: format.money(summary.margin),
            })}
          </Text>
        )}
        {query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing={6} aria-busy={query.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('table.account')}</Table.Th>
                  <Table.Th className="num">{t('table.revenue')}</Table.Th>
                  <Table.Th className="num">{t('table.margin')}</Table.Th>
                  <Table.Th className="num">{t('table.marginPct')}</Table.Th>
                  <Table.Th>{t('table.class')}</Table.Th>
                  <Table.Th>{t('table.tier')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!rows
                  ? Array.from({ length: 8 }, (_, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                      <Table.Tr key={i}>
                        <Table.Td colSpan={6}>
                          <Skeleton h={28} />
                        </Table.Td>
                      </Table.Tr>
                    ))
                  : rows.items.map((account) => (
                      <Table.Tr key={account.id}>
                        <Table.Td maw={260}>
                          <AccountLink id={account.id} name={account.name} />
                        </Table.Td>
                        <Table.Td className="num">{format.money(account.revenue)}</Table.Td>
                        <Table.Td className="num">{format.money(account.margin)}</Table.Td>
                        <Table.Td className="num">{format.percent(account.marginPct)}</Table.Td>
                        <Table.Td>
                          <Badge color={CLASS_COLORS[account.class]} variant="filled" radius="sm">
                            {account.class}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{tc(`tiers.${account.tier}`)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {rows && rows.total === 0 && (
          <Center mih={80}>
            <Text c="dimmed">{t('matrix.empty')}</Text>
          </Center>
        )}
        {pages > 1 && (
          <Group justify="center">
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({
                'aria-label': t(control === 'previous' ? 'table.previousPage' : 'table.nextPage'),
              })}
              aria-label={t('matrix.page')}
            />
          </Group>
        )}
      </Stack>
    </Drawer>
  );
}
