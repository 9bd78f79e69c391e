import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { LIST_PREVIEW_ROWS } from '../../../src/portfolio/portfolio.lists';
import { ApiError, api } from '../api/client';
import type { AccountFacets, ListName, Page, ReportAccount } from '../api/types';
import type { Summary } from './portfolio.text';
import { type PortfolioView, toAnalysisQuery } from './view';

export type MatrixCell = `${'A' | 'B' | 'C'}${'A' | 'B' | 'C'}`;
export type Snapshot = Summary & { snapshotId: number; createdAt: string };

/**
 * The analysis of the view, computed on demand (GET /portfolio/analysis: any window, basis or filter).
 * While a new view loads, the previous figures stay on screen, so nothing jumps.
 */
export function useAnalysis(view: PortfolioView) {
  const query = toAnalysisQuery(view);
  return useQuery({
    queryKey: ['portfolio', 'analysis', query],
    queryFn: ({ signal }) => api.get<Summary>('/portfolio/analysis', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The latest published snapshot (for the class and tier changes); null when none was published yet. */
export function useSnapshot() {
  return useQuery({
    queryKey: ['portfolio', 'snapshot'],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Snapshot>('/portfolio/snapshot', undefined, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useFacets() {
  return useQuery({
    queryKey: ['accounts', 'facets'],
    queryFn: ({ signal }) => api.get<AccountFacets>('/accounts/facets', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export const CELL_PAGE_SIZE = 25;

/** One page of the accounts of a revenue × margin cell, under the same view as the dashboard. */
export function useCellAccounts(view: PortfolioView, cell: MatrixCell | null, page: number) {
  const query = {
    ...toAnalysisQuery(view),
    accounts: 'true',
    cell: cell ?? undefined,
    page,
    size: CELL_PAGE_SIZE,
  };
  return useQuery({
    queryKey: ['portfolio', 'analysis', query],
    queryFn: ({ signal }) =>
      api.get<Summary & { accounts: Page<ReportAccount> }>('/portfolio/analysis', query, signal),
    enabled: cell !== null,
    // Another page of the same cell keeps the rows on screen while it loads; another cell does not.
    placeholderData: (previous, previousQuery) =>
      (previousQuery?.queryKey[2] as { cell?: string } | undefined)?.cell === query.cell
        ? previous
        : undefined,
  });
}

/** Where the further pages of a summary's list come from (ShowMore fetches them on request). */
export interface ListSource<T> {
  key: readonly unknown[];
  fetchPage: (page: number, signal: AbortSignal) => Promise<T[]>;
}

/** A list of the on-demand analysis of the view (revenue at risk, Green Circle by growth or potential). */
export function analysisList<T>(view: PortfolioView, name: ListName): ListSource<T> {
  const query = { ...toAnalysisQuery(view), list: name, size: LIST_PREVIEW_ROWS };
  return {
    key: ['analysis', query],
    fetchPage: async (page, signal) =>
      (await api.get<{ list: Page<T> }>('/portfolio/analysis', { ...query, page }, signal)).list.items,
  };
}

/** A list of the latest published snapshot (the class and tier changes). */
export function snapshotList<T>(snapshotId: number, name: ListName): ListSource<T> {
  return {
    key: ['snapshot', snapshotId, name],
    fetchPage: async (page, signal) =>
      (await api.get<Page<T>>(`/portfolio/snapshot/lists/${name}`, { page, size: LIST_PREVIEW_ROWS }, signal))
        .items,
  };
}
