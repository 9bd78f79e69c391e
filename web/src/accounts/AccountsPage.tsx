import './accounts.css';
import { Group, Switch, Text, Title, Tooltip } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountsFilters } from './AccountsFilters';
import { AccountsTable } from './AccountsTable';
import { useColumnChoice } from './accounts.columns';
import { useAccountTotal } from './accounts.queries';
import {
  type AccountsSearch,
  clearFilters,
  parseAccountsSearch,
  sortBy,
  withFilter,
} from './accounts.search';
import { ColumnChooser } from './ColumnChooser';
import { ExportMenu } from './ExportMenu';
import { SearchBox } from './SearchBox';

/**
 * The account list (issue "The web app"): every account of the workspace, searched, filtered and
 * sorted on the server, the view kept in the URL, columns chosen by the user.
 */
export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const key = JSON.stringify(raw);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised search is the identity
  const search = useMemo(() => parseAccountsSearch(raw), [key]);
  const navigate = useNavigate();
  // Typing replaces the history entry; a filter or a sort is a step the back button undoes.
  const go = useCallback(
    (next: AccountsSearch, replace = false) => void navigate({ to: '/accounts', search: next, replace }),
    [navigate],
  );
  const update = useCallback((next: AccountsSearch) => go(next), [go]);
  const onSearch = useCallback((q: string) => go(withFilter(search, 'q', q), true), [go, search]);
  const [columns, setColumns] = useColumnChoice();
  const { total, stale } = useAccountTotal(search);

  return (
    <div className="accounts-page">
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text
          c="dimmed"
          size="sm"
          aria-live="polite"
          style={{ opacity: stale ? 0.6 : 1 }}
          data-testid="account-count"
        >
          {total === undefined ? '\u00a0' : t('count', { count: total })}
        </Text>
      </Group>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group align="flex-end" gap="md">
          <SearchBox value={search.q ?? ''} onSearch={onSearch} />
          <Tooltip
            label={t('filters.mineHint')}
            withArrow
            events={{ hover: true, focus: true, touch: false }}
          >
            <Switch
              mb={8}
              label={t('filters.mine')}
              checked={search.mine === true}
              onChange={(event) => update(withFilter(search, 'mine', event.currentTarget.checked))}
            />
          </Tooltip>
        </Group>
        <Group gap="xs">
          <ColumnChooser columns={columns} onChange={setColumns} />
          <ExportMenu search={search} />
        </Group>
      </Group>
      <AccountsFilters search={search} onChange={update} />
      <AccountsTable
        search={search}
        columns={columns}
        onSort={(sort) => update(sortBy(search, sort))}
        onClearFilters={() => update(clearFilters(search))}
      />
    </div>
  );
}
