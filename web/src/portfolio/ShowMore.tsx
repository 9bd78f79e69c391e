import { Button, Group, ScrollArea, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_PREVIEW_ROWS } from '../../../src/portfolio/portfolio.lists';
import { useFormat } from '../i18n/format';
import { ErrorAlert } from '../ui/QueryState';
import type { ListSource } from './portfolio.queries';

export const FIRST_ROWS = 10;

/**
 * The first rows of a long ranking, and all of them on request inside a scroll box of bounded height
 * (a list of 40,000 Green Circle accounts must not stretch the page). The summary brings each list's
 * first rows (LIST_PREVIEW_ROWS) and its length; the rest comes page by page from `source`.
 */
export function ShowMore<T>({
  items,
  total,
  source,
  render,
}: {
  items: readonly T[];
  total: number;
  source: ListSource<T>;
  render: (rows: readonly T[]) => ReactNode;
}) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const [all, setAll] = useState(false);
  const more = useInfiniteQuery({
    queryKey: ['portfolio', 'list', ...source.key],
    // The preview is the first page (same size), so the pages to fetch start at the second.
    queryFn: ({ pageParam, signal }) => source.fetchPage(pageParam, signal),
    initialPageParam: 2,
    getNextPageParam: (last, pages) =>
      last.length === LIST_PREVIEW_ROWS && items.length + pages.length * LIST_PREVIEW_ROWS < total
        ? pages.length + 2
        : undefined,
    enabled: false,
  });
  const fetched = more.data?.pages.flat() ?? [];
  const rows = all ? [...items, ...fetched] : items.slice(0, FIRST_ROWS);
  const canLoad = all && rows.length < total && (more.data ? more.hasNextPage : true);
  const load = () => void (more.data ? more.fetchNextPage() : more.refetch());
  return (
    <>
      {all ? (
        <ScrollArea.Autosize mah={440} type="auto" offsetScrollbars>
          {render(rows)}
          {canLoad && (
            <Group justify="center" py="xs">
              <Text size="sm" c="dimmed">
                {t('table.shown', { shown: format.number(rows.length), total: format.number(total) })}
              </Text>
              <Button variant="light" size="compact-sm" onClick={load} loading={more.isFetching}>
                {t('table.loadMore', { count: Math.min(LIST_PREVIEW_ROWS, total - rows.length) })}
              </Button>
            </Group>
          )}
          {more.isError && <ErrorAlert error={more.error} onRetry={load} />}
        </ScrollArea.Autosize>
      ) : (
        render(rows)
      )}
      {total > FIRST_ROWS && (
        <Group justify="flex-start">
          <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? t('table.showFewer') : t('table.showAll', { count: total })}
          </Button>
        </Group>
      )}
    </>
  );
}
