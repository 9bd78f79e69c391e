import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountKeys } from '../account/account.queries';
import { api } from '../api/client';
import type { AccountListItem, Page, Role, TeamMember, User } from '../api/types';

export const USERS_KEY = ['users'] as const;
export const TEAM_ROLES = [
  'lead',
  'member',
  'executive_sponsor',
  'specialist',
] as const satisfies readonly TeamMember['teamRole'][];

export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => api.get<{ items: User[] }>('/users', undefined, signal),
    select: (data) => data.items,
  });
}

/** Puts a changed user into the cached list, so the table shows the new version at once. */
function useReplaceUser() {
  const client = useQueryClient();
  return (user: User) =>
    client.setQueryData<{ items: User[] }>(USERS_KEY, (data) =>
      data ? { items: data.items.map((item) => (item.id === user.id ? user : item)) } : data,
    );
}

export function useInviteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role; name?: string }) =>
      api.post<{ user: User; password: string }>('/users', input),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useChangeRole() {
  const replace = useReplaceUser();
  return useMutation({
    mutationFn: ({ user, role }: { user: User; role: Role }) =>
      api.patch<User>(`/users/${user.id}`, { role, version: user.version }),
    onSuccess: replace,
  });
}

export function useResetPassword() {
  const replace = useReplaceUser();
  return useMutation({
    mutationFn: (user: User) =>
      api.post<{ user: User; password: string }>(`/users/${user.id}/password-reset`),
    onSuccess: (result) => replace(result.user),
  });
}

export function useAccountSearch(search: string) {
  return useQuery({
    queryKey: ['accounts', 'pick', search],
    queryFn: ({ signal }) =>
      api.get<Page<AccountListItem>>(
        '/accounts',
        { search: search || undefined, size: 20, sort: 'name' },
        signal,
      ),
    placeholderData: keepPreviousData,
    select: (data) => data.items,
  });
}

const teamPath = (accountId: string, userId: number) =>
  `/accounts/${encodeURIComponent(accountId)}/team/${userId}`;

/** Team changes refresh the account's team everywhere (the account page shares the query). */
export function useSetTeamMember(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, teamRole }: { userId: number; teamRole: TeamMember['teamRole'] }) =>
      api.put<TeamMember>(teamPath(accountId, userId), { teamRole }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.team(accountId) }),
  });
}

export function useRemoveTeamMember(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => api.delete(teamPath(accountId, userId)),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.team(accountId) }),
  });
}
