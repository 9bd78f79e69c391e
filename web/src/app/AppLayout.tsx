import { AppShell, Burger, Button, Group, NavLink, SegmentedControl, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useLogout, useSession } from '../auth/session';
import { LANGUAGES, type Language } from '../i18n/messages';
import { useLanguage } from './language';

export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useSession();
  const rights = can(user.role);
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const logout = useLogout();
  const navigate = useNavigate();
  const [language, setLanguage] = useLanguage();
  const links = [
    { to: '/', label: t('nav.portfolio'), show: true },
    { to: '/accounts', label: t('nav.accounts'), show: true },
    { to: '/imports', label: t('nav.imports'), show: rights.import },
    { to: '/settings', label: t('nav.settings'), show: rights.admin },
    { to: '/users', label: t('nav.users'), show: rights.admin },
    { to: '/profile', label: t('nav.profile'), show: true },
  ] as const;
  const active = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('nav.main')} />
            <Title order={2} size="h4" c="kontor.8">
              {t('appName')}
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label={t('language')}
              value={language}
              onChange={(value) => setLanguage(value as Language)}
              data={LANGUAGES.map((lng) => ({ value: lng, label: lng.toUpperCase() }))}
            />
            <Text size="sm" visibleFrom="sm" data-testid="current-user">
              {user.name} · {t(`roles.${user.role}`)}
            </Text>
            <Button
              variant="subtle"
              size="xs"
              onClick={async () => {
                await logout();
                await navigate({ to: '/login' });
              }}
            >
              {t('logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
        {links
          .filter((link) => link.show)
          .map((link) => (
            <NavLink
              key={link.to}
              component={Link}
              to={link.to}
              label={link.label}
              active={active(link.to)}
              aria-current={active(link.to) ? 'page' : undefined}
              onClick={close}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
