import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../api/types';
import { useFormat } from '../i18n/format';
import { CLASS_COLOR, TIER_COLOR } from './account.colors';
import { OverrideDialog, type OverrideKind } from './OverrideDialog';

/** A dark orange: Mantine's orange shades stay under 4.5:1 on white at this size. */
const PENDING_TEXT = '#a63d00';

/**
 * ABC class and tier as they stand now: set by hand (with reason, who and when: METHOD P3, G1) or
 * computed by the last analysis. A manual value changed since that analysis reaches the portfolio
 * figures with the next one, which the page says rather than leaving the difference unexplained.
 */
export function Classification({ account, editable }: { account: AccountDetail; editable: boolean }) {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation();
  const [dialog, setDialog] = useState<OverrideKind | null>(null);
  const metrics = account.metrics;
  const abc = account.manualClass?.class ?? metrics?.computedClass ?? null;
  const tier = account.manualTier?.tier ?? metrics?.computedTier ?? null;
  const reasons = (metrics?.tierReasons ?? []).filter((reason) => reason !== 'manual');
  return (
    <Stack gap="sm" maw={480} style={{ flex: '1 1 400px' }}>
      <Item
        label={t('class.label')}
        value={
          abc && (
            <Badge color={CLASS_COLOR[abc]} size="lg" variant="filled" miw="max-content">
              {common(`classes.${abc}`)}
            </Badge>
          )
        }
        manual={account.manualClass}
        automatic={t('class.automatic')}
        pending={metrics && abc !== metrics.class ? t('class.pending', { value: metrics.class }) : null}
        onChange={editable ? () => setDialog('class') : undefined}
        changeLabel={t('class.change')}
      />
      <Item
        label={t('tier.label')}
        value={
          tier && (
            <Badge
              color={TIER_COLOR[tier]}
              size="lg"
              variant={tier === 'green' ? 'filled' : 'light'}
              miw="max-content"
            >
              {common(`tiers.${tier}`)}
            </Badge>
          )
        }
        manual={account.manualTier}
        automatic={
          reasons.length > 0
            ? t('tier.automaticBecause', {
                reasons: reasons.map((reason) => t(`tier.reasons.${reason}`)).join(', '),
              })
            : t('tier.automatic')
        }
        pending={
          metrics && tier !== metrics.tier
            ? t('tier.pending', { value: common(`tiers.${metrics.tier}`) })
            : null
        }
        onChange={editable ? () => setDialog('tier') : undefined}
        changeLabel={t('tier.change')}
      />
      {dialog && <OverrideDialog kind={dialog} account={account} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function Item({
  label,
  value,
  manual,
  automatic,
  pending,
  onChange,
  changeLabel,
}: {
  label: string;
  value: React.ReactNode;
  manual: { reason: string; by: string | null; at: string | null } | null;
  automatic: string;
  pending: string | null;
  onChange: (() => void) | undefined;
  changeLabel: string;
}) {
  const { t } = useTranslation('account');
  const format = useFormat();
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed" w={90}>
          {label}
        </Text>
        {value ?? <Text size="sm">{t('notAnalysedShort')}</Text>}
        {manual && (
          <Badge variant="outline" color="gray.7" size="sm" miw="max-content">
            {t('manual')}
          </Badge>
        )}
        {onChange && (
          <Button size="compact-sm" variant="subtle" onClick={onChange} ml="auto" style={{ flexShrink: 0 }}>
            {changeLabel}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" pl={98}>
        {manual
          ? t('manualBy', {
              by: manual.by ?? t('someone'),
              at: format.dateTime(manual.at),
              reason: manual.reason,
            })
          : automatic}
      </Text>
      {pending && (
        <Text size="xs" c={PENDING_TEXT} pl={98}>
          {pending}
        </Text>
      )}
    </Stack>
  );
}
