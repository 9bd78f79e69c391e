import { Anchor, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createLink } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TeamEditor } from './TeamEditor';
import { useAccountSearch } from './users.queries';

interface PickedAccount {
  id: string;
  name: string;
}

const AnchorLink = createLink(Anchor);

const optionLabel = (account: PickedAccount) => `${account.name} (${account.id})`;

/** Account teams: pick an account by name or id, then see and change who works on it. */
export function AccountTeams() {
  const { t } = useTranslation('users');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<PickedAccount | null>(null);
  // Once an account is picked the box shows its label; that label is not a search.
  const typed = picked && search === optionLabel(picked) ? '' : search;
  const [debounced] = useDebouncedValue(typed, 250);
  const accounts = useAccountSearch(debounced);
  const found = accounts.data ?? [];
  const options = [...(picked && !found.some((a) => a.id === picked.id) ? [picked] : []), ...found].map(
    (account) => ({ value: account.id, label: optionLabel(account) }),
  );

  return (
    <Stack gap="lg">
      <Select
        label={t('teams.account')}
        placeholder={t('teams.accountPlaceholder')}
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        data={options}
        filter={({ options: all }) => all}
        value={picked?.id ?? null}
        onChange={(id) => {
          const account = [...found, ...(picked ? [picked] : [])].find((a) => a.id === id);
          setPicked(account ? { id: account.id, name: account.name } : null);
        }}
        nothingFoundMessage={accounts.isFetching ? undefined : t('teams.noAccounts')}
        w={480}
        maw="100%"
      />
      {picked ? (
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="team-heading">
          <Stack gap="md">
            <Group justify="space-between" align="baseline">
              <Title order={2} size="h3" id="team-heading">
                {t('teams.heading', { name: picked.name })}
              </Title>
              <AnchorLink to="/accounts/$accountId" params={{ accountId: picked.id }}>
                {t('teams.openAccount')}
              </AnchorLink>
            </Group>
            <TeamEditor account={picked} />
          </Stack>
        </Paper>
      ) : (
        <Text c="dimmed">{t('teams.choose')}</Text>
      )}
    </Stack>
  );
}
