import { Combobox, MantineProvider, mergeThemeOverrides, Popover } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import { theme } from '../app/theme';
import { SESSION_KEY, type Session } from '../auth/session';
import { setupI18n } from '../i18n/i18n';
import type { Language } from '../i18n/messages';

// The machines running the tests are shared and often busy: give the first render time to arrive.
configure({ asyncUtilTimeout: 5000 });

// jsdom lays nothing out: every element has a zero-size box, so a dropdown that hides when its
// target is "detached" (out of view) would never show. Tests keep it attached.
const testTheme = mergeThemeOverrides(theme, {
  components: {
    Popover: Popover.extend({ defaultProps: { hideDetached: false } }),
    Combobox: Combobox.extend({ defaultProps: { hideDetached: false } }),
  },
});

/**
 * Renders a component as the app does (Mantine, notifications, queries, i18n, a router for links), for
 * component tests. The router renders asynchronously: find elements with `findBy…`.
 */
export function renderWithProviders(
  ui: ReactElement,
  { language = 'en', session }: { language?: Language; session?: Session } = {},
) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  if (session) client.setQueryData(SESSION_KEY, session);
  const i18n = setupI18n(language);
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={testTheme}>
        <Notifications />
        <QueryClientProvider client={client}>
          <RouterProvider router={routerFor(ui) as never} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return { ...result, client, i18n };
}

function routerFor(ui: ReactElement) {
  const root = createRootRoute();
  const page = createRoute({ getParentRoute: () => root, path: '/', component: () => ui });
  const other = createRoute({ getParentRoute: () => root, path: '$', component: () => null });
  return createRouter({
    routeTree: root.addChildren([page, other]),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
}

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Replaces fetch with a fake server: `answer` gets each request (method, path without /api/v1, body)
 * and returns [status, payload]. Every call is recorded.
 */
export function fakeApi(answer: (call: RecordedCall) => [number, unknown?]) {
  const calls: RecordedCall[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const call = {
      method: init?.method ?? 'GET',
      path: `${url.pathname.replace(/^\/api\/v1/, '')}${url.search}`,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    const [status, payload] = answer(call);
    return new Response(status === 204 ? null : JSON.stringify(payload ?? {}), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

// jsdom lacks scrollIntoView, which Mantine's combobox calls to show the selected option.
if (typeof Element !== 'undefined') Element.prototype.scrollIntoView ??= () => {};
