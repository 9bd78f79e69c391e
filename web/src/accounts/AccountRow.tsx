import type { TFunction } from 'i18next';
import { memo, type ReactNode } from 'react';
import { badgeText, CLASS_COLOR, TIER_COLOR } from '../account/account.colors';
import type { AccountListItem } from '../api/types';
import type { Format } from '../i18n/format';
import { COLUMNS, type ColumnKey } from './accounts.columns';

export const ROW_HEIGHT = 40;

export const accountHref = (id: string) => `/accounts/${encodeURIComponent(id)}`;

/**
 * A badge as plain markup in Mantine's colours: a screenful of rows holds dozens of them, and a
 * component per badge showed in the time to first rows.
 */
function badge(color: string, label: string) {
  const text = badgeText(color).replace(/^(\w+)\.(\d)$/, 'var(--mantine-color-$1-$2)');
  return (
    <span
      className="accounts-badge"
      style={{ background: `var(--mantine-color-${color}-light)`, color: text }}
    >
      {label}
    </span>
  );
}

function signedPercent(format: Format, value: number | null) {
  if (value === null) return format.percent(null);
  return `${value > 0 ? '+' : ''}${format.percent(value, 1)}`;
}

/** What one cell shows; a plain function, not a component, for the same reason as badge(). */
function cell(row: AccountListItem, column: ColumnKey, format: Format, t: TFunction): ReactNode {
  switch (column) {
    case 'name':
      // A real link (opens in a new tab, shows its target); AccountsTable turns a plain click into
      // in-app navigation.
      return (
        <a href={accountHref(row.id)} data-account={row.id}>
          {row.name}
        </a>
      );
    case 'class':
      return row.class ? badge(CLASS_COLOR[row.class], t(`classes.${row.class}`)) : t('none');
    case 'tier':
      return row.tier ? badge(TIER_COLOR[row.tier], t(`tiers.${row.tier}`)) : t('none');
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
  t: TFunction;
}

/** One row; a row whose page is still on its way shows placeholders of the same height. */
export const AccountRow = memo(function AccountRow({ index, row, columns, format, t }: RowProps) {
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
          {row ? cell(row, column, format, t) : <span className="accounts-skeleton" />}
        </td>
      ))}
    </tr>
  );
});
