import { keepPreviousData, type QueryClient, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, withQuery } from '../api/client';
import type { AccountFacets, AccountListItem, Page } from '../api/types';
import { type AccountsSearch, toApiQuery } from './accounts.search';

/** Rows per request: a screenful several times over, small enough to arrive quickly. */
export const PAGE_SIZE = 100;

type ApiQuery = Record<string, string>;
const listKey = (query: ApiQuery, page: number) => ['accounts', 'list', query, page] as const;

const fetchPage = (query: ApiQuery, page: number, signal: AbortSignal) =>
  api.get<Page<AccountListItem>>('/accounts', { ...query, page, size: PAGE_SIZE }, signal);

/**
 * The rows of the view as the user scrolls: the first page always (it carries the total), and the
 * pages under the visible rows. Pages scrolled past and no longer shown are cancelled (their request
 * is aborted) and kept a while in the cache for scrolling back.
 */
export function useAccountRows(search: AccountsSearch, visiblePages: number[]) {
  const query = useMemo(() => toApiQuery(search), [search]);
  const first = useFirstPage(query);
  const later = useQueries({
    queries: visiblePages
      .filter((page) => page > 1)
      .map((page) => ({
        queryKey: listKey(query, page),
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchPage(query, page, signal),
        staleTime: 30_000,
        enabled: !first.isPlaceholderData,
      })),
  });
  const pages = new Map<number, AccountListItem[]>();
  if (first.data) pages.set(1, first.data.items);
  visiblePages
    .filter((page) => page > 1)
    .forEach((page, i) => {
      const items = later[i]?.data?.items;
      if (items) pages.set(page, items);
    });
  const failed = later.find((result) => result.isError);
  return {
    first,
    total: first.data?.total ?? 0,
    stale: first.isPlaceholderData,
    rowAt: (index: number): AccountListItem | undefined =>
      pages.get(Math.floor(index / PAGE_SIZE) + 1)?.[index % PAGE_SIZE],
    laterError: failed?.error ?? null,
    retryLater: () => {
      for (const result of later) if (result.isError) void result.refetch();
    },
  };
}

const firstPage = (query: ApiQuery) => ({
  queryKey: listKey(query, 1),
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchPage(query, 1, signal),
  staleTime: 30_000,
});

function useFirstPage(query: ApiQuery) {
  // Changing a filter keeps the old rows (dimmed) until the new ones arrive: no flash, no jump.
  return useQuery({ ...firstPage(query), placeholderData: keepPreviousData });
}

/**
 * The route's loader asks for the first page as soon as the URL is known, while the page's code is
 * still loading: the rows are there when the table is first drawn.
 */
export function prefetchAccountList(client: QueryClient, search: AccountsSearch): void {
  void client.prefetchQuery(firstPage(toApiQuery(search)));
}

/** How many accounts the view holds (the same request as the table's first page). */
export function useAccountTotal(search: AccountsSearch) {
  const query = useMemo(() => toApiQuery(search), [search]);
  const first = useFirstPage(query);
  return { total: first.data?.total, stale: first.isPlaceholderData };
}

/** Filter values; asked for once the rows are in, so they do not compete with the first page. */
export function useFacets(enabled: boolean) {
  return useQuery({
    queryKey: ['accounts', 'facets'],
    queryFn: ({ signal }) => api.get<AccountFacets>('/accounts/facets', undefined, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** The download link of the view (the server streams it; the session cookie authorises it). */
export function exportUrl(search: AccountsSearch, format: 'csv' | 'xlsx'): string {
  return withQuery('/api/v1/accounts/export', { format, ...toApiQuery(search) });
}
