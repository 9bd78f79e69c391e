import { Box, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../auth/session';
import { NoAccess } from '../ui/NoAccess';
import { AccountTeams } from './AccountTeams';
import { UserList } from './UserList';

/** Users and account teams (admins): who may log in with which rights, and who works on which account. */
export function UsersPage() {
  const { t } = useTranslation('users');
  const { user } = useSession();
  const [tab, setTab] = useState<string | null>('users');
  useEffect(() => {
    document.title = `${t('title')} · Kontor`;
  }, [t]);
  if (!can(user.role).admin) return <NoAccess title={t('title')} />;
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('intro')}
        </Text>
      </div>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">{t('tabs.users')}</Tabs.Tab>
          <Tabs.Tab value="teams">{t('tabs.teams')}</Tabs.Tab>
        </Tabs.List>
        <Box pt="md">
          <Tabs.Panel value="users">
            <UserList />
          </Tabs.Panel>
          <Tabs.Panel value="teams">
            <AccountTeams />
          </Tabs.Panel>
        </Box>
      </Tabs>
    </Stack>
  );
}
