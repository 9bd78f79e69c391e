import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from './accounts.columns';
import type { Order, SortKey } from './accounts.search';

interface Props {
  column: ColumnDef;
  sort: SortKey;
  order: Order;
  onSort(sort: SortKey): void;
}

/**
 * A column header; sortable ones are buttons (Enter or Space sorts, again reverses) and say their state
 * with aria-sort, which screen readers announce with the column.
 */
export function SortHeader({ column, sort, order, onSort }: Props) {
  const { t } = useTranslation('accounts');
  const label = t(`columns.${column.key}`);
  const className = column.numeric ? 'num' : undefined;
  if (!column.sort) {
    return (
      <th scope="col" className={className} data-column={column.key}>
        {label}
      </th>
    );
  }
  const active = column.sort === sort;
  const key = column.sort;
  return (
    <th
      scope="col"
      className={className}
      data-column={column.key}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton className="accounts-sort" onClick={() => onSort(key)} data-active={active || undefined}>
        <span>{label}</span>
        <span className="accounts-sort-mark" aria-hidden>
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </UnstyledButton>
    </th>
  );
}
