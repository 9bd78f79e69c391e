import {
  Alert,
  Anchor,
  Button,
  Group,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../api/types';
import { useFormat } from '../i18n/format';
import { TableScroll } from '../ui/TableScroll';
import { fieldLabel, translateReason } from './imports.text';

const PAGE = 25;

/** What the import did: the figures, which header became which field, and every rejected row. */
export function ImportResult({
  summary,
  jobId,
  onSkipInstead,
}: {
  summary: ImportSummary;
  jobId: string | null;
  onSkipInstead: (() => void) | null;
}) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const range = summary.dateRange
    ? `${format.date(summary.dateRange.from)} – ${format.date(summary.dateRange.to)}`
    : '—';
  const money = new Intl.NumberFormat(format.locale, {
    style: 'currency',
    currency: summary.currency ?? format.currency,
  });
  const figures = [
    { label: t('result.rowsRead'), value: format.number(summary.rowsRead) },
    { label: t('result.rowsImported'), value: format.number(summary.rowsImported) },
    { label: t('result.rowsRejected'), value: format.number(summary.rowsRejected) },
    { label: t('result.duplicatesSkipped'), value: format.number(summary.duplicatesSkipped) },
    {
      label: t('result.customers'),
      value: format.number(summary.customers),
      note: summary.committed
        ? t('result.accounts', { created: summary.accountsCreated, updated: summary.accountsUpdated })
        : null,
    },
    { label: t('result.dateRange'), value: range },
    { label: t('result.totalAmount'), value: money.format(Number(summary.totalAmount)) },
  ];
  const columns = summary.mapping
    .map((entry) => `${fieldLabel(t, entry.field)} ← ${entry.header}`)
    .join(', ');
  return (
    <Stack gap="md" data-testid="import-result">
      {summary.committed ? (
        <Alert color="green" title={t('result.succeeded')}>
          {summary.rowsImported === 0 && summary.duplicatesSkipped > 0
            ? t('result.nothingNew', { count: summary.duplicatesSkipped, file: summary.file })
            : t('result.succeededText', { count: summary.rowsImported, file: summary.file })}
        </Alert>
      ) : (
        <Alert color="orange" title={t('result.rejected')} role="alert">
          <Stack gap="xs">
            <Text size="sm">{t('result.rejectedText', { count: summary.rowsRejected })}</Text>
            {onSkipInstead && (
              <Group>
                <Button size="xs" onClick={onSkipInstead}>
                  {t('result.skipInstead')}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
        {figures.map((figure) => (
          <Paper key={figure.label} withBorder p="sm">
            <Text size="xs" c="dimmed">
              {figure.label}
            </Text>
            <Text fw={600} className="num" ta="left" style={{ whiteSpace: 'normal' }}>
              {figure.value}
            </Text>
            {figure.note && (
              <Text size="xs" c="dimmed">
                {figure.note}
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('result.columns', { list: columns })}
      </Text>
      {summary.rejects.length > 0 && <Rejects summary={summary} jobId={jobId} />}
    </Stack>
  );
}

function Rejects({ summary, jobId }: { summary: ImportSummary; jobId: string | null }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const [page, setPage] = useState(1);
  const pages = Math.ceil(summary.rejects.length / PAGE);
  const shown = summary.rejects.slice((page - 1) * PAGE, page * PAGE);
  const href = summary.rejectsFile ?? (jobId ? `/api/v1/imports/${jobId}/rejects` : null);
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h5">
          {t('result.rejects')}
        </Title>
        {href && (
          <Anchor href={href} download size="sm">
            {t('result.download')}
          </Anchor>
        )}
      </Group>
      {summary.rowsRejected > summary.rejects.length && (
        <Text size="sm" c="dimmed">
          {t('result.rejectsShown', {
            shown: format.number(summary.rejects.length),
            total: format.number(summary.rowsRejected),
          })}
        </Text>
      )}
      <TableScroll minWidth={560} label={t('result.rejects')}>
        <Table striped verticalSpacing={4} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('rows.line')}</Table.Th>
              <Table.Th>{t('result.column')}</Table.Th>
              <Table.Th>{t('result.value')}</Table.Th>
              <Table.Th>{t('result.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((reject) => (
              <Table.Tr key={`${reject.line}-${reject.column}-${reject.reason}`}>
                <Table.Td className="num">{reject.line}</Table.Td>
                <Table.Td>{reject.column}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} maw={320} style={{ wordBreak: 'break-all' }}>
                    {reject.value ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{translateReason(t, reject.reason)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={setPage}
          size="sm"
          aria-label={t('result.page')}
          getControlProps={(control) => ({ 'aria-label': t(`result.pageControl.${control}`) })}
        />
      )}
    </Stack>
  );
}
