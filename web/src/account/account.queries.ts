import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type {
  AccountDetail,
  AccountMonthlyMetrics,
  Activity,
  Contact,
  HistoryEntry,
  Page,
  TeamMember,
} from '../api/types';

const path = (id: string) => `/accounts/${encodeURIComponent(id)}`;

/** Every query of one account sits under ['account', id], so one invalidation refreshes the page. */
export const accountKeys = {
  all: (id: string) => ['account', id] as const,
  detail: (id: string) => ['account', id, 'detail'] as const,
  team: (id: string) => ['account', id, 'team'] as const,
  metrics: (id: string) => ['account', id, 'metrics'] as const,
  contacts: (id: string) => ['account', id, 'contacts'] as const,
  activities: (id: string) => ['account', id, 'activities'] as const,
  history: (id: string) => ['account', id, 'history'] as const,
};

export const ACTIVITY_PAGE_SIZE = 20;

export const accountApi = {
  path,
  contacts: (id: string) => `${path(id)}/contacts`,
  activities: (id: string) => `${path(id)}/activities`,
};

export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKeys.detail(id),
    queryFn: ({ signal }) => api.get<AccountDetail>(path(id), undefined, signal),
  });
}

export function useTeam(id: string) {
  return useQuery({
    queryKey: accountKeys.team(id),
    queryFn: ({ signal }) => api.get<{ items: TeamMember[] }>(`${path(id)}/team`, undefined, signal),
    select: (data) => data.items,
  });
}

export function useMonthlyMetrics(id: string) {
  return useQuery({
    queryKey: accountKeys.metrics(id),
    queryFn: ({ signal }) => api.get<AccountMonthlyMetrics>(`${path(id)}/metrics`, undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useContacts(id: string) {
  return useQuery({
    queryKey: accountKeys.contacts(id),
    queryFn: ({ signal }) => api.get<{ items: Contact[] }>(accountApi.contacts(id), undefined, signal),
    select: (data) => data.items,
  });
}

export function useActivities(id: string) {
  return useInfiniteQuery({
    queryKey: accountKeys.activities(id),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Activity>>(
        accountApi.activities(id),
        { page: pageParam, size: ACTIVITY_PAGE_SIZE },
        signal,
      ),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.size < last.total ? last.page + 1 : undefined),
  });
}

export function useHistory(id: string) {
  return useQuery({
    queryKey: accountKeys.history(id),
    queryFn: ({ signal }) => api.get<{ items: HistoryEntry[] }>(`${path(id)}/history`, undefined, signal),
    select: (data) => data.items,
  });
}

/** After a write: the changed part, the history (every write is audited) and the accounts list. */
export function useRefreshAccount(id: string) {
  const client = useQueryClient();
  return (...parts: (keyof typeof accountKeys)[]) =>
    Promise.all([
      ...parts.map((part) => client.invalidateQueries({ queryKey: accountKeys[part](id) })),
      client.invalidateQueries({ queryKey: accountKeys.history(id) }),
      client.invalidateQueries({ queryKey: ['accounts'] }),
    ]);
}
