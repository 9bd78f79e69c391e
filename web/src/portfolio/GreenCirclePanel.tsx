import { Badge, Center, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { CLASS_COLORS } from './AbcPanel';
import { AccountLink, GrowthText, Section } from './parts';
import { analysisList } from './portfolio.queries';
import { type Summary, settingPercent } from './portfolio.text';
import { ShowMore } from './ShowMore';
import type { PortfolioView } from './view';

/** METHOD G1 groups and METHOD G3: Green Circle accounts ranked by growth (and by potential, if any). */
export function GreenCirclePanel({ report, view }: { report: Summary; view: PortfolioView }) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const { counts, cuts, byGrowth, byPotential } = report.greenCircle;
  const cut = (key: 'cutRevenue' | 'cutMargin', c: typeof cuts.revenue) =>
    c.value === null
      ? null
      : t(`green.${key}`, { share: settingPercent(format, c.share), value: format.money(c.value) });
  const facts = [
    t('green.counts', {
      green: format.number(counts.green),
      transactional: format.number(counts.transactional),
    }),
    cut('cutRevenue', cuts.revenue),
    cut('cutMargin', cuts.margin),
  ].filter(Boolean);
  const growth = (
    <ShowMore
      items={byGrowth}
      total={report.listTotals.byGrowth}
      source={analysisList<(typeof byGrowth)[number]>(view, 'byGrowth')}
      render={(rows) => (
        <Table.ScrollContainer minWidth={400}>
          <Table verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('table.account')}</Table.Th>
                <Table.Th className="num">{t('table.revenue')}</Table.Th>
                <Table.Th className="num">{t('table.growth')}</Table.Th>
                <Table.Th className="num">{t('table.lastQuarter')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td maw={240}>
                    <AccountLink id={row.id} name={row.name} />
                  </Table.Td>
                  <Table.Td className="num">{format.money(row.revenue)}</Table.Td>
                  <Table.Td className="num">
                    <GrowthText
                      value={row.windowGrowth}
                      text={format.percent(row.windowGrowth)}
                      none={t('green.noRate')}
                    />
                  </Table.Td>
                  <Table.Td className="num">
                    <GrowthText
                      value={row.quarterGrowth}
                      text={format.percent(row.quarterGrowth)}
                      none={t('green.noRate')}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    />
  );
  return (
    <Section id="green" title={t('green.title')} description={t('green.hint')}>
      <Text size="sm">{facts.join(' · ')}</Text>
      {byGrowth.length === 0 ? (
        <Center mih={120}>
          <Text c="dimmed">{t('green.empty')}</Text>
        </Center>
      ) : byPotential.length === 0 ? (
        growth
      ) : (
        <Tabs defaultValue="growth" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="growth">{t('green.byGrowth')}</Tabs.Tab>
            <Tabs.Tab value="potential">
              {t('green.byPotential', { count: report.listTotals.byPotential })}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="growth" pt="xs">
            {growth}
          </Tabs.Panel>
          <Tabs.Panel value="potential" pt="xs">
            <ShowMore
              items={byPotential}
              total={report.listTotals.byPotential}
              source={analysisList<(typeof byPotential)[number]>(view, 'byPotential')}
              render={(rows) => (
                <Table.ScrollContainer minWidth={400}>
                  <Table verticalSpacing={4} striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('table.account')}</Table.Th>
                        <Table.Th className="num">{t('table.revenue')}</Table.Th>
                        <Table.Th className="num">{t('table.potential')}</Table.Th>
                        <Table.Th>{t('table.class')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((row) => (
                        <Table.Tr key={row.id}>
                          <Table.Td maw={240}>
                            <AccountLink id={row.id} name={row.name} />
                          </Table.Td>
                          <Table.Td className="num">{format.money(row.revenue)}</Table.Td>
                          <Table.Td className="num">{format.money(row.potential)}</Table.Td>
                          <Table.Td>
                            <Badge
                              color={CLASS_COLORS[row.class as 'A' | 'B' | 'C']}
                              variant="filled"
                              radius="sm"
                            >
                              {row.class}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            />
          </Tabs.Panel>
        </Tabs>
      )}
    </Section>
  );
}
