import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../api/client';
import type { Role, SessionUser } from '../api/types';

export interface Session {
  user: SessionUser;
  csrfToken: string | null;
}

export const SESSION_KEY = ['session'] as const;

/** The logged-in user, or null. The session cookie is http-only, so the server tells us who we are. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const me = await api.get<{ user: SessionUser; csrfToken: string | null }>('/auth/me');
    setCsrfToken(me.csrfToken);
    return { user: me.user, csrfToken: me.csrfToken };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession(): Session {
  const { data } = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity });
  if (!data) throw new Error('useSession outside the logged-in part of the app');
  return data;
}

export function useLogout() {
  const client = useQueryClient();
  return async () => {
    await api.post('/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    client.setQueryData(SESSION_KEY, null);
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  };
}

/** What the UI may offer; the server decides anyway (METHOD-independent: issue "Kontor as a server"). */
export function can(role: Role) {
  return {
    writeAny: role === 'admin' || role === 'manager',
    write: role !== 'viewer',
    admin: role === 'admin',
    import: role === 'admin' || role === 'manager',
  };
}
