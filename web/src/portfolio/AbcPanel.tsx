import { Badge, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Format, useFormat } from '../i18n/format';
import { Section } from './parts';
import { type Summary, settingPercent } from './portfolio.text';

export const CLASSES = ['A', 'B', 'C'] as const;
/** Dark enough for white text on them (AA contrast). */
export const CLASS_COLORS = { A: 'kontor.9', B: 'blue.8', C: 'gray.7' } as const;

/** METHOD P3: accounts and value per class, with the potential per class (where growth lies). */
export function AbcPanel({ report }: { report: Summary }) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const { abc } = report;
  const accounts = abc.A + abc.B + abc.C;
  const manual = CLASSES.some((k) => abc[k] !== abc.computed[k]);
  const accountShare = (k: (typeof CLASSES)[number]) => (accounts > 0 ? abc[k] / accounts : null);
  return (
    <Section
      id="abc"
      title={t('abc.title')}
      description={t('abc.hint', {
        a: settingPercent(format, abc.thresholds.a),
        b: settingPercent(format, abc.thresholds.b),
        ofValue: t(`headline.ofValue.${report.by}`),
      })}
    >
      <Table verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('abc.class')}</Table.Th>
            <Table.Th className="num">{t('abc.accounts')}</Table.Th>
            <Table.Th className="num">{t(`value.${report.by}`)}</Table.Th>
            <Table.Th className="num">{t('abc.potential')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CLASSES.map((k) => {
            const summary = abc.classes[k];
            return (
              <Table.Tr key={k}>
                <Table.Td>
                  <Badge color={CLASS_COLORS[k]} variant="filled" radius="sm">
                    {k}
                  </Badge>
                </Table.Td>
                <Table.Td className="num">
                  {format.number(abc[k])}{' '}
                  <Text span size="xs" c="dimmed">
                    ({format.percent(accountShare(k))})
                  </Text>
                </Table.Td>
                <Table.Td className="num">
                  {format.money(summary.value)}{' '}
                  <Text span size="xs" c="dimmed">
                    ({format.percent(summary.share)})
                  </Text>
                </Table.Td>
                <Table.Td className="num">{format.money(summary.potential)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {accounts > 0 && (
        <Stack gap={6}>
          <ShareBar
            label={t('abc.barCustomers')}
            shares={CLASSES.map((k) => accountShare(k) ?? 0)}
            format={format}
          />
          <ShareBar
            label={t('abc.barValue', { value: t(`value.${report.by}`) })}
            shares={CLASSES.map((k) => Math.max(0, abc.classes[k].share ?? 0))}
            format={format}
          />
        </Stack>
      )}
      {manual && (
        <Text size="sm" c="dimmed">
          {t('abc.manual', abc.computed)}
        </Text>
      )}
    </Section>
  );
}

/** A, B and C side by side as parts of one bar: how few accounts carry how much. */
function ShareBar({ label, shares, format }: { label: string; shares: number[]; format: Format }) {
  const { t } = useTranslation('portfolio');
  return (
    <div>
      <Text size="xs" c="dimmed" mb={2}>
        {label}
      </Text>
      <Progress.Root size={22} radius="sm">
        {CLASSES.map((k, i) => {
          const share = shares[i] ?? 0;
          const text = t('abc.barSection', { class: k, share: format.percent(share, 0) });
          return (
            <Progress.Section
              key={k}
              value={share * 100}
              color={CLASS_COLORS[k]}
              aria-label={`${label}: ${text}`}
            >
              {share >= 0.07 && <Progress.Label>{`${k} ${format.percent(share, 0)}`}</Progress.Label>}
            </Progress.Section>
          );
        })}
      </Progress.Root>
    </div>
  );
}
