import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { ApiToken, SessionUser } from '../api/types';
import { SESSION_KEY, type Session } from '../auth/session';

export const TOKENS_KEY = ['tokens'] as const;

/** Saves the own name or language; the session (header, other pages) shows the result at once. */
export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; name?: string; language?: string }) =>
      api.patch<{ user: SessionUser }>('/auth/me', input),
    onSuccess: ({ user }) =>
      client.setQueryData<Session | null>(SESSION_KEY, (session) =>
        session ? { ...session, user } : session,
      ),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post('/auth/password', input),
  });
}

export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/tokens', undefined, signal),
    select: (data) => data.items,
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scope: ApiToken['scope'] }) =>
      api.post<{ token: ApiToken; secret: string }>('/tokens', input),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: ApiToken) => api.delete(`/tokens/${token.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
