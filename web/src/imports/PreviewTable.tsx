import { Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, PreviewCell, PreviewRow } from '../api/types';
import { type Format, useFormat } from '../i18n/format';
import { TableScroll } from '../ui/TableScroll';
import { fieldLabel, translateReason } from './imports.text';
import type { Field } from './mapping';

const NUMERIC = new Set<Field>(['amount', 'quantity', 'unit_price', 'cost', 'margin']);

/** The fields shown: the mapped ones in column order, then an amount computed from quantity × price. */
export function previewColumns(preview: ImportPreview): Field[] {
  const fields = preview.mapping.map((entry) => entry.field);
  const computed = !fields.includes('amount') && preview.rows.some((row) => row.cells.amount);
  return computed ? [...fields, 'amount'] : fields;
}

/** Rows of the file as the import will read them; every refused value shows its reason in place. */
export function PreviewTable({
  preview,
  rows,
  caption,
}: {
  preview: ImportPreview;
  rows: PreviewRow[];
  caption: string;
}) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const fields = previewColumns(preview);
  const computed = !preview.mapping.some((entry) => entry.field === 'amount');
  return (
    <TableScroll minWidth={Math.max(560, 120 * fields.length)} label={caption}>
      <Table verticalSpacing={4} striped withTableBorder>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>{t('rows.line')}</Table.Th>
            {fields.map((field) => (
              <Table.Th key={field} className={NUMERIC.has(field) ? 'num' : undefined}>
                {fieldLabel(t, field)}
                {field === 'amount' && computed && (
                  <Text span size="xs" c="dimmed" display="block" fw={400}>
                    {t('rows.computed')}
                  </Text>
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Fragment key={row.line}>
              <Table.Tr>
                <Table.Td className="num">{row.line}</Table.Td>
                {fields.map((field) => (
                  <ValueCell key={field} field={field} cell={row.cells[field]} format={format} />
                ))}
              </Table.Tr>
              {row.problem && (
                <Table.Tr className="kontor-cell-problem">
                  <Table.Td />
                  <Table.Td colSpan={fields.length}>
                    <Text size="sm">
                      {t('rows.lineProblem', { reason: translateReason(t, row.problem.reason) })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function ValueCell({ field, cell, format }: { field: Field; cell: PreviewCell | undefined; format: Format }) {
  const { t } = useTranslation('imports');
  const numeric = NUMERIC.has(field);
  const show = (value: string) =>
    field === 'date' ? format.date(value) : numeric ? number(value, field, format) : value;
  if (!cell) return <Table.Td />;
  if (cell.problem?.code === 'ambiguous_date') {
    const [first, second] = (cell.readings ?? []).map((reading) => (reading ? format.date(reading) : '—'));
    return (
      <Table.Td className="kontor-cell-unsure">
        <Text size="sm">{cell.text}</Text>
        <Text size="xs">{t('rows.readings', { first, second })}</Text>
      </Table.Td>
    );
  }
  if (cell.problem) {
    return (
      <Table.Td className={`kontor-cell-problem${numeric ? ' num' : ''}`}>
        <Text size="sm" fw={600}>
          {cell.text ?? t('rows.empty')}
        </Text>
        <Text size="xs">{t('rows.problem', { reason: translateReason(t, cell.problem.reason) })}</Text>
      </Table.Td>
    );
  }
  return (
    <Table.Td className={numeric ? 'num' : field === 'date' ? 'kontor-nowrap' : undefined}>
      {cell.value === null ? (
        <Text span size="sm" c="dimmed">
          —
        </Text>
      ) : (
        show(cell.value)
      )}
    </Table.Td>
  );
}

/** A canonical decimal ("-1234.5") in the user's notation: money with cents, every decimal kept (up to 4). */
function number(value: string, field: Field, format: Format): string {
  const decimals = value.split('.')[1]?.length ?? 0;
  const money = field !== 'quantity';
  return Number(value).toLocaleString(format.locale, {
    minimumFractionDigits: money ? Math.max(2, decimals) : decimals,
    maximumFractionDigits: 4,
  });
}
