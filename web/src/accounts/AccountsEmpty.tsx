import { Anchor, Button, Center, Stack, Text } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../auth/session';
import { type AccountsSearch, hasFilters } from './accounts.search';

const AnchorLink = createLink(Anchor);

/** Nothing to show: either the filters leave nothing, or there are no accounts at all yet. */
export function AccountsEmpty({
  search,
  onClearFilters,
}: {
  search: AccountsSearch;
  onClearFilters(): void;
}) {
  const { t } = useTranslation('accounts');
  const { user } = useSession();
  const filtered = hasFilters(search);
  return (
    <Center py="xl" px="md" className="accounts-empty">
      <Stack align="center" gap="xs">
        <Text fw={500}>{filtered ? t('empty.noMatch') : t('empty.none')}</Text>
        {filtered ? (
          <Button variant="light" size="sm" onClick={onClearFilters}>
            {t('filters.clear')}
          </Button>
        ) : (
          <>
            <Text c="dimmed" size="sm">
              {t('empty.importHint')}
            </Text>
            {can(user.role).import && <AnchorLink to="/imports">{t('empty.import')}</AnchorLink>}
          </>
        )}
      </Stack>
    </Center>
  );
}
