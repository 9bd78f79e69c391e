import { Alert, Button, Progress, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ErrorAlert } from '../ui/QueryState';
import { AccountRow, ROW_HEIGHT } from './AccountRow';
import { AccountsEmpty } from './AccountsEmpty';
import { COLUMNS, type ColumnKey } from './accounts.columns';
import { PAGE_SIZE, useAccountRows } from './accounts.queries';
import { type AccountsSearch, orderOf, type SortKey, sortOf } from './accounts.search';
import { SortHeader } from './SortHeader';

interface Props {
  search: AccountsSearch;
  columns: ColumnKey[];
  onSort(sort: SortKey): void;
  onClearFilters(): void;
}

/** Rows drawn while the first page is on its way. */
const PLACEHOLDERS = Array.from({ length: 12 }, (_, index) => index);

/** Where each view was scrolled to, so coming back from an account returns to the same rows. */
const scrolledTo = new Map<string, number>();

const samePages = (a: number[], b: number[]) => a.length === b.length && a.every((page, i) => page === b[i]);

/**
 * Every account of the view in one scrolling table: rows are drawn only where the user looks
 * (virtualised, fixed height) and fetched a page at a time as they come into view, so the scroll bar
 * spans the whole list and any row can be reached.
 */
export function AccountsTable({ search, columns, onSort, onClearFilters }: Props) {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  // Account links are plain anchors (cheap to draw by the dozen); a plain click stays in the app.
  const follow = (event: MouseEvent) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-account]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    void navigate({ to: '/accounts/$accountId', params: { accountId: link.dataset.account! } });
  };
  const scroller = useRef<HTMLElement>(null);
  const view = JSON.stringify(search);
  const [wanted, setWanted] = useState<number[]>([1]);
  // Dragging the scroll bar across thousands of rows asks only for where it comes to rest.
  const [pages] = useDebouncedValue(wanted, 80);
  const rows = useAccountRows(search, pages);
  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    const next: number[] = [];
    for (let page = Math.floor(first / PAGE_SIZE) + 1; page <= Math.floor(last / PAGE_SIZE) + 1; page++)
      next.push(page);
    setWanted((current) => (samePages(current, next) ? current : next));
  }, [first, last]);

  // A new view starts at the top, or where it was left.
  const restored = useRef<string | null>(null);
  useEffect(() => {
    if (rows.stale || rows.first.isPending || restored.current === view) return;
    restored.current = view;
    const offset = scrolledTo.get(view) ?? 0;
    // Only when it moves: asking the scroll range forces a layout in the middle of the first render.
    if (offset !== (scroller.current?.scrollTop ?? 0)) virtualizer.scrollToOffset(offset);
  }, [view, rows.stale, rows.first.isPending, virtualizer]);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const remember = () => scrolledTo.set(view, element.scrollTop);
    element.addEventListener('scroll', remember, { passive: true });
    return () => element.removeEventListener('scroll', remember);
  }, [view]);

  const sort = sortOf(search);
  const order = orderOf(search);
  const width = useMemo(() => columns.reduce((sum, key) => sum + COLUMNS[key].width, 0), [columns]);
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const loading = rows.first.isPending;

  if (rows.first.isError && !rows.first.data) {
    return <ErrorAlert error={rows.first.error} onRetry={() => void rows.first.refetch()} />;
  }
  return (
    <div className="accounts-table-frame">
      <Progress
        value={100}
        animated
        size={2}
        className="accounts-progress"
        style={{ visibility: rows.stale || rows.first.isFetching ? 'visible' : 'hidden' }}
        aria-hidden
      />
      {rows.laterError && (
        <Alert color="red" py={6} mb={4} role="alert">
          {t('rowsError')}{' '}
          <Button size="compact-xs" variant="light" color="red" onClick={rows.retryLater}>
            {t('retry', { ns: 'common' })}
          </Button>
        </Alert>
      )}
      <section
        ref={scroller}
        className="accounts-scroller"
        aria-label={t('scrollRegion')}
        aria-busy={loading || rows.stale}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
      >
        <table
          className="accounts-table"
          style={{ minWidth: width, opacity: rows.stale ? 0.6 : 1 }}
          aria-rowcount={rows.total + 1}
        >
          <VisuallyHidden component="caption">
            {t('sort.caption', {
              column: t(`columns.${sort === 'id' ? 'id' : sort}`),
              order: t(`sort.${order === 'asc' ? 'ascending' : 'descending'}`),
            })}
          </VisuallyHidden>
          <colgroup>
            {columns.map((key) => (
              <col
                key={key}
                style={key === 'name' ? { minWidth: COLUMNS[key].width } : { width: COLUMNS[key].width }}
              />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((key) => (
                <SortHeader key={key} column={COLUMNS[key]} sort={sort} order={order} onSort={onSort} />
              ))}
            </tr>
          </thead>
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: the clicks are the links' own (Enter clicks a link too) */}
          <tbody onClick={follow}>
            {loading &&
              PLACEHOLDERS.map((index) => (
                <AccountRow
                  key={index}
                  index={index}
                  row={undefined}
                  columns={columns}
                  format={format}
                  t={common}
                />
              ))}
            {before > 0 && <Spacer height={before} span={columns.length} />}
            {items.map((item) => (
              <AccountRow
                key={item.index}
                index={item.index}
                row={rows.rowAt(item.index)}
                columns={columns}
                format={format}
                t={common}
              />
            ))}
            {after > 0 && <Spacer height={after} span={columns.length} />}
          </tbody>
        </table>
        {!loading && rows.total === 0 && <AccountsEmpty search={search} onClearFilters={onClearFilters} />}
      </section>
    </div>
  );
}

/** The height of the rows not drawn, above or below the drawn ones. */
function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden className="accounts-spacer">
      <td colSpan={span} style={{ height }} />
    </tr>
  );
}
