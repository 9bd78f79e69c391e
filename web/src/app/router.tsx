import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { prefetchAccountList } from '../accounts/accounts.queries';
import { parseAccountsSearch } from '../accounts/accounts.search';
import { fetchSession, SESSION_KEY } from '../auth/session';
import { AppLayout } from './AppLayout';
import { NotFound } from './NotFound';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { next?: string } =>
    typeof search.next === 'string' && search.next.startsWith('/') ? { next: search.next } : {},
  component: lazyRouteComponent(() => import('../auth/LoginPage'), 'LoginPage'),
});

/** Everything but the login page needs a session; the server checks each request anyway. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData({
      queryKey: SESSION_KEY,
      queryFn: fetchSession,
      staleTime: Infinity,
    });
    if (!session) throw redirect({ to: '/login', search: { next: location.href } });
    return { session };
  },
  component: AppLayout,
});

const page = <P extends string>(path: P, load: () => Promise<Record<string, unknown>>, name: string) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component: lazyRouteComponent(load as never, name as never),
  });

const dashboardRoute = page('/', () => import('../portfolio/DashboardPage'), 'DashboardPage');
// The account list keeps its view (search, filters, sort) in the URL and asks for its first page early.
const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts',
  validateSearch: parseAccountsSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => prefetchAccountList(context.queryClient, deps),
  component: lazyRouteComponent(() => import('../accounts/AccountsPage'), 'AccountsPage'),
});
const accountRoute = page('/accounts/$accountId', () => import('../account/AccountPage'), 'AccountPage');
const importRoute = page('/imports', () => import('../imports/ImportPage'), 'ImportPage');
const settingsRoute = page('/settings', () => import('../settings/SettingsPage'), 'SettingsPage');
const usersRoute = page('/users', () => import('../users/UsersPage'), 'UsersPage');
const profileRoute = page('/profile', () => import('../profile/ProfilePage'), 'ProfilePage');

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    dashboardRoute,
    accountsRoute,
    accountRoute,
    importRoute,
    settingsRoute,
    usersRoute,
    profileRoute,
  ]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
