import { Anchor, Badge, Skeleton } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { badgeText, CLASS_COLOR, TIER_COLOR } from '../account/account.colors';
import type { AccountListItem } from '../api/types';
import type { Format } from '../i18n/format';
import { COLUMNS, type ColumnKey } from './accounts.columns';

const AnchorLink = createLink(Anchor);

export const ROW_HEIGHT = 40;

function signedPercent(format: Format, value: number | null) {
  if (value === null) return format.percent(null);
  return `${value > 0 ? '+' : ''}${format.percent(value, 1)}`;
}

function Cell({ row, column, format }: { row: AccountListItem; column: ColumnKey; format: Format }) {
  const { t } = useTranslation();
  switch (column) {
    case 'name':
      return (
        <AnchorLink to="/accounts/$accountId" params={{ accountId: row.id }}>
          {row.name}
        </AnchorLink>
      );
    case 'class':
      return row.class ? (
        <Badge size="sm" variant="light" color={CLASS_COLOR[row.class]} c={badgeText(CLASS_COLOR[row.class])}>
          {t(`classes.${row.class}`)}
        </Badge>
      ) : (
        t('none')
      );
    case 'tier':
      return row.tier ? (
        <Badge size="sm" variant="light" color={TIER_COLOR[row.tier]} c={badgeText(TIER_COLOR[row.tier])}>
          {t(`tiers.${row.tier}`)}
        </Badge>
      ) : (
        t('none')
      );
    case 'revenue':
    case 'margin':
      return format.money(row[column]);
    case 'marginPct':
    case 'share':
      return format.percent(row[column], 1);
    case 'growth':
      return signedPercent(format, row.growth);
    case 'rank':
      return format.number(row.rank);
    case 'lastPurchase':
      return format.date(row.lastPurchase);
    default:
      return row[column] ?? t('none');
  }
}

interface RowProps {
  index: number;
  row: AccountListItem | undefined;
  columns: ColumnKey[];
  format: Format;
}

/** One row; a row whose page is still on its way shows placeholders of the same height. */
export const AccountRow = memo(function AccountRow({ index, row, columns, format }: RowProps) {
  return (
    <tr
      aria-rowindex={index + 2}
      data-testid={row ? 'account-row' : 'account-row-loading'}
      aria-busy={row ? undefined : true}
      style={{ height: ROW_HEIGHT }}
    >
      {columns.map((column) => (
        <td
          key={column}
          className={COLUMNS[column].numeric ? 'num' : undefined}
          data-column={column}
          title={column === 'name' ? row?.name : undefined}
        >
          {row ? <Cell row={row} column={column} format={format} /> : <Skeleton height={10} radius="xl" />}
        </td>
      ))}
    </tr>
  );
});
