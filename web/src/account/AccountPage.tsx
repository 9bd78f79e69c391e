import { Anchor, Badge, Box, Stack, Tabs } from '@mantine/core';
import { Link, useNavigate, useParams, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../ui/QueryState';
import { AccountHeader, AccountHeaderSkeleton } from './AccountHeader';
import { AccountNotFound } from './AccountNotFound';
import { ActivitiesPanel } from './ActivitiesPanel';
import { canEditAccount } from './account.permissions';
import { useAccount, useContacts, useTeam } from './account.queries';
import { ContactsPanel } from './ContactsPanel';
import { HistoryPanel } from './HistoryPanel';
import { PanelLoading } from './PanelLoading';

// The chart libraries are the heavy part of the page: they load with the tab that draws them.
const OverviewPanel = lazy(() => import('./OverviewPanel').then((m) => ({ default: m.OverviewPanel })));
const OrgChartPanel = lazy(() => import('./OrgChartPanel').then((m) => ({ default: m.OrgChartPanel })));

const TABS = ['overview', 'contacts', 'org', 'activities', 'history'] as const;
type Tab = (typeof TABS)[number];

/** One key account: who they are, what they bring, who we know there, what we did, what changed. */
export function AccountPage() {
  const { t } = useTranslation('account');
  const { accountId } = useParams({ from: '/app/accounts/$accountId' });
  const { user } = useSession();
  const account = useAccount(accountId);
  const team = useTeam(accountId);
  const contacts = useContacts(accountId);
  const editable = canEditAccount(user, team.data);
  const [tab, setTab] = useTab();

  useEffect(() => {
    if (account.data) document.title = `${account.data.name} · Kontor`;
  }, [account.data]);

  if (account.error instanceof ApiError && account.error.status === 404)
    return <AccountNotFound id={accountId} />;

  return (
    <Stack gap="md" maw={1400}>
      <Anchor component={Link} to="/accounts" size="sm" w="fit-content">
        ← {t('backToAccounts')}
      </Anchor>
      {account.isPending ? (
        <AccountHeaderSkeleton />
      ) : account.isError ? (
        <ErrorAlert error={account.error} onRetry={() => void account.refetch()} />
      ) : (
        <AccountHeader account={account.data} team={team} editable={editable} />
      )}
      <Tabs value={tab} onChange={(value) => setTab(value as Tab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('tabs.overview')}</Tabs.Tab>
          <Tabs.Tab
            value="contacts"
            rightSection={
              contacts.data ? (
                <Badge size="sm" variant="light" circle={contacts.data.length < 10}>
                  {contacts.data.length}
                </Badge>
              ) : undefined
            }
          >
            {t('tabs.contacts')}
          </Tabs.Tab>
          <Tabs.Tab value="org">{t('tabs.org')}</Tabs.Tab>
          <Tabs.Tab value="activities">{t('tabs.activities')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Box pt="md">
          <Suspense fallback={<PanelLoading height={420} />}>
            <Tabs.Panel value="overview">
              <OverviewPanel accountId={accountId} account={account.data} />
            </Tabs.Panel>
            <Tabs.Panel value="contacts">
              <ContactsPanel accountId={accountId} account={account.data} editable={editable} />
            </Tabs.Panel>
            <Tabs.Panel value="org">
              <OrgChartPanel accountId={accountId} />
            </Tabs.Panel>
            <Tabs.Panel value="activities">
              <ActivitiesPanel accountId={accountId} editable={editable} team={team.data} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <HistoryPanel accountId={accountId} />
            </Tabs.Panel>
          </Suspense>
        </Box>
      </Tabs>
    </Stack>
  );
}

/** The tab lives in the address (#contacts), so a link or a reload opens the same one. */
function useTab(): [Tab, (tab: Tab) => void] {
  const hash = useRouterState({ select: (state) => state.location.hash });
  const navigate = useNavigate();
  const tab = (TABS as readonly string[]).includes(hash) ? (hash as Tab) : 'overview';
  return [tab, (next) => void navigate({ to: '.', hash: next === 'overview' ? '' : next, replace: true })];
}
