import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccountTotal, useFacets } from './accounts.queries';
import { type AccountsSearch, CLASSES, clearFilters, hasFilters, TIERS, withFilter } from './accounts.search';

interface Props {
  search: AccountsSearch;
  onChange(next: AccountsSearch): void;
}

/** Class, tier, segment, region and owner (the values the accounts have), and clearing them all. */
export function AccountsFilters({ search, onChange }: Props) {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const facets = useFacets(useAccountTotal(search).total !== undefined);
  const facetOptions = (key: 'segments' | 'regions' | 'owners', current: string | undefined) => {
    const values = (facets.data?.[key] ?? []).map((facet) => facet.value);
    // A value from a shared link that no account has (any more) still shows as chosen.
    if (current && !values.includes(current)) values.unshift(current);
    return values;
  };
  const select = (key: 'segment' | 'region' | 'owner', facet: 'segments' | 'regions' | 'owners') => (
    <Select
      size="sm"
      w={168}
      label={t(`filters.${key}`)}
      placeholder={t('filters.any')}
      data={facetOptions(facet, search[key])}
      value={search[key] ?? null}
      onChange={(value) => onChange(withFilter(search, key, value))}
      searchable
      clearable
      nothingFoundMessage={facets.isPending ? common('loading') : common('empty')}
      comboboxProps={{ withinPortal: true }}
    />
  );
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label={t('filters.label')}>
      <Select
        size="sm"
        w={112}
        label={t('filters.class')}
        placeholder={t('filters.any')}
        data={CLASSES.map((value) => ({ value, label: common(`classes.${value}`) }))}
        value={search.class ?? null}
        onChange={(value) => onChange(withFilter(search, 'class', value as AccountsSearch['class']))}
        clearable
      />
      <Select
        size="sm"
        w={160}
        label={t('filters.tier')}
        placeholder={t('filters.any')}
        data={TIERS.map((value) => ({ value, label: common(`tiers.${value}`) }))}
        value={search.tier ?? null}
        onChange={(value) => onChange(withFilter(search, 'tier', value as AccountsSearch['tier']))}
        clearable
      />
      {select('segment', 'segments')}
      {select('region', 'regions')}
      {select('owner', 'owners')}
      <Button
        variant="subtle"
        size="sm"
        // Hidden, not removed, when there is nothing to clear: the row keeps its shape.
        style={{ visibility: hasFilters(search) ? 'visible' : 'hidden' }}
        onClick={() => onChange(clearFilters(search))}
      >
        {t('filters.clear')}
      </Button>
    </Group>
  );
}
