import { Alert, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Format, useFormat } from '../i18n/format';
import { CLASSES } from './AbcPanel';
import { MatrixCellDrawer } from './MatrixCellDrawer';
import { Section } from './parts';
import type { MatrixCell } from './portfolio.queries';
import type { Summary } from './portfolio.text';
import type { PortfolioView } from './view';

/** METHOD P3: revenue class × margin class (computed), each cell opening the list of its accounts. */
export function AbcMatrix({ report, view }: { report: Summary; view: PortfolioView }) {
  const { t } = useTranslation('portfolio');
  const [open, setOpen] = useState<MatrixCell | null>(null);
  const matrix = report.abcMatrix;
  const total = matrix ? Object.values(matrix).reduce((sum, cell) => sum + Math.max(0, cell.revenue), 0) : 0;
  return (
    <Section id="matrix" title={t('matrix.title')} description={t('matrix.hint')}>
      {!matrix ? (
        <Alert color="gray" variant="light">
          {t('matrix.noMargin')}
        </Alert>
      ) : (
        <Table withColumnBorders={false} layout="fixed" verticalSpacing={4} horizontalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Td w={96} />
              {CLASSES.map((m) => (
                <Table.Th key={m} scope="col" ta="center">
                  {t('matrix.margin', { class: m })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {CLASSES.map((r) => (
              <Table.Tr key={r}>
                <Table.Th scope="row">{t('matrix.revenue', { class: r })}</Table.Th>
                {CLASSES.map((m) => {
                  const key = `${r}${m}` as MatrixCell;
                  const cell = matrix[key] ?? { count: 0, revenue: 0, margin: 0 };
                  const share = total > 0 ? Math.max(0, cell.revenue) / total : 0;
                  return (
                    <Table.Td key={key} p={4}>
                      <CellButton
                        label={t('matrix.cell', { revenue: r, margin: m })}
                        count={cell.count}
                        revenue={cell.revenue}
                        share={share}
                        onOpen={() => setOpen(key)}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <MatrixCellDrawer
        view={view}
        cell={open}
        summary={open && matrix ? matrix[open] : undefined}
        onClose={() => setOpen(null)}
      />
    </Section>
  );
}

/** One cell: its count and revenue, shaded by its share of revenue (where the business sits). */
function CellButton(props: {
  label: string;
  count: number;
  revenue: number;
  share: number;
  onOpen: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const { count, share } = props;
  const muted = count === 0 ? 'dimmed' : undefined;
  return (
    <UnstyledButton
      w="100%"
      h={72}
      disabled={count === 0}
      onClick={props.onOpen}
      aria-haspopup="dialog"
      style={{
        borderRadius: 6,
        border: '1px solid var(--mantine-color-gray-3)',
        background: `rgba(39, 147, 88, ${(0.04 + 0.5 * Math.sqrt(share)).toFixed(3)})`,
        cursor: count === 0 ? 'default' : 'pointer',
        textAlign: 'center',
      }}
    >
      {/* Read out as the visible text in its context: "Revenue A, margin B: 2 accounts, €59.8K, 0% of revenue". */}
      <VisuallyHidden>{`${props.label} `}</VisuallyHidden>
      <Text fw={700} size="lg" className="num" ta="center" c={muted}>
        {format.number(count)} <VisuallyHidden>{`${t('matrix.accountsWord', { count })},`}</VisuallyHidden>
      </Text>
      <Text size="xs" className="num" ta="center" c={muted}>
        {cellMoney(format, props.revenue)} · {format.percent(share, share > 0 && share < 0.1 ? 1 : 0)}{' '}
        <VisuallyHidden>{t('matrix.cellShare')}</VisuallyHidden>
      </Text>
    </UnstyledButton>
  );
}

/** Short money for a cell: compact where the locale abbreviates ("€59.8K"), else whole units ("59.814 €"). */
function cellMoney(format: Format, value: number): string {
  if (value === 0) return format.money(0);
  const compact = format.moneyCompact(value);
  return compact.length > 9 && Math.abs(value) < 1_000_000 ? format.money(value) : compact;
}
