import { Button, Group, Loader, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../i18n/format';
import { useFacets } from './portfolio.queries';
import { FILTERS, type FilterKey, hasFilters, isIsoDate, type PortfolioView, withoutFilters } from './view';

const FILTER_TEXT = {
  segment: { label: 'controls.segment', all: 'controls.allSegments', facet: 'segments' },
  region: { label: 'controls.region', all: 'controls.allRegions', facet: 'regions' },
  owner: { label: 'controls.owner', all: 'controls.allOwners', facet: 'owners' },
} as const;

/** Period, value and filters of the dashboard; every change goes straight into the URL. */
export function ViewControls({
  view,
  onChange,
  current,
  updating,
}: {
  view: PortfolioView;
  onChange: (view: PortfolioView) => void;
  /** The window the shown analysis covers, to start a custom period from. */
  current: { from: string; to: string } | null;
  updating: boolean;
}) {
  const { t } = useTranslation('portfolio');
  const months = useSettings().data?.analysisWindowMonths ?? 12;
  const facets = useFacets();
  const periodId = useId();
  const valueId = useId();
  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id={periodId}>
            {t('controls.window')}
          </Text>
          <SegmentedControl
            aria-labelledby={periodId}
            value={view.window}
            onChange={(value) => {
              const window = value as PortfolioView['window'];
              if (window !== 'custom') return onChange({ ...view, window, from: undefined, to: undefined });
              onChange({ ...view, window, from: current?.from, to: current?.to });
            }}
            data={[
              { value: 'default', label: t('controls.windowDefault', { count: months }) },
              { value: 'all', label: t('controls.all') },
              { value: 'custom', label: t('controls.custom') },
            ]}
          />
        </Stack>
        {view.window === 'custom' && <CustomPeriod view={view} onChange={onChange} />}
        <Stack gap={4}>
          <Text size="sm" fw={500} id={valueId}>
            {t('controls.value')}
          </Text>
          <SegmentedControl
            aria-labelledby={valueId}
            value={view.by}
            onChange={(by) => onChange({ ...view, by: by as PortfolioView['by'] })}
            data={[
              { value: 'revenue', label: t('value.revenue') },
              { value: 'margin', label: t('value.margin') },
            ]}
          />
        </Stack>
        <Group gap={6} h={36} align="center" aria-live="polite">
          {updating && (
            <>
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t('controls.updating')}
              </Text>
            </>
          )}
        </Group>
      </Group>
      <Group gap="md" align="flex-end" wrap="wrap">
        {FILTERS.map((key: FilterKey) => (
          <Select
            key={key}
            w={220}
            label={t(FILTER_TEXT[key].label)}
            placeholder={t(FILTER_TEXT[key].all)}
            searchable
            clearable
            nothingFoundMessage={t('empty', { ns: 'common' })}
            value={view[key] ?? null}
            onChange={(value) => onChange({ ...view, [key]: value ?? undefined })}
            data={(facets.data?.[FILTER_TEXT[key].facet] ?? []).map((facet) => ({
              value: facet.value,
              label: t('controls.option', { value: facet.value, count: facet.count }),
            }))}
            rightSection={facets.isPending ? <Loader size="xs" /> : undefined}
          />
        ))}
        {hasFilters(view) && (
          <Button variant="subtle" onClick={() => onChange(withoutFilters(view))}>
            {t('controls.clearFilters')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** From and to dates; the view changes only when the pair makes a valid period. */
function CustomPeriod({ view, onChange }: { view: PortfolioView; onChange: (view: PortfolioView) => void }) {
  const { t } = useTranslation('portfolio');
  const [from, setFrom] = useState(view.from ?? '');
  const [to, setTo] = useState(view.to ?? '');
  useEffect(() => {
    setFrom(view.from ?? '');
    setTo(view.to ?? '');
  }, [view.from, view.to]);
  const fromValid = from === '' || isIsoDate(from);
  const toValid = to === '' || isIsoDate(to);
  const reversed = fromValid && toValid && from !== '' && to !== '' && from > to;
  const apply = (nextFrom: string, nextTo: string) => {
    const valid = (d: string) => d === '' || isIsoDate(d);
    if (!valid(nextFrom) || !valid(nextTo) || (nextFrom && nextTo && nextFrom > nextTo)) return;
    if (nextFrom === '' && nextTo === '') return;
    onChange({ ...view, from: nextFrom || undefined, to: nextTo || undefined });
  };
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        type="date"
        w={160}
        label={t('controls.from')}
        value={from}
        error={!fromValid ? t('controls.invalidDate') : undefined}
        onChange={(event) => {
          setFrom(event.currentTarget.value);
          apply(event.currentTarget.value, to);
        }}
      />
      <TextInput
        type="date"
        w={160}
        label={t('controls.to')}
        value={to}
        error={!toValid ? t('controls.invalidDate') : reversed ? t('controls.invalidRange') : undefined}
        onChange={(event) => {
          setTo(event.currentTarget.value);
          apply(from, event.currentTarget.value);
        }}
      />
    </Group>
  );
}
