import { Center, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { AccountLink, Section } from './parts';
import { analysisList } from './portfolio.queries';
import type { Summary } from './portfolio.text';
import { ShowMore } from './ShowMore';
import type { PortfolioView } from './view';

/** METHOD P4: the revenue at risk if each A customer were lost, largest first. */
export function RevenueAtRisk({ report, view }: { report: Summary; view: PortfolioView }) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const items = report.revenueAtRisk;
  return (
    <Section id="at-risk" title={t('atRisk.title')} description={t('atRisk.hint')}>
      {items.length === 0 ? (
        <Center mih={120}>
          <Text c="dimmed">{t('atRisk.empty')}</Text>
        </Center>
      ) : (
        <ShowMore
          items={items}
          total={report.listTotals.revenueAtRisk}
          source={analysisList<Summary['revenueAtRisk'][number]>(view, 'revenueAtRisk')}
          render={(rows) => (
            <Table.ScrollContainer minWidth={440}>
              <Table verticalSpacing={4} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th className="num">{t('table.rank')}</Table.Th>
                    <Table.Th>{t('table.account')}</Table.Th>
                    <Table.Th className="num">{t('table.revenue')}</Table.Th>
                    <Table.Th className="num">{t('table.share')}</Table.Th>
                    <Table.Th className="num">{t('table.margin')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((item) => {
                    return (
                      <Table.Tr key={item.id}>
                        <Table.Td className="num">{format.number(item.rank)}</Table.Td>
                        <Table.Td maw={240}>
                          <AccountLink id={item.id} name={item.name} />
                        </Table.Td>
                        <Table.Td className="num">{format.money(item.revenue)}</Table.Td>
                        <Table.Td className="num">{format.percent(item.share, 2)}</Table.Td>
                        <Table.Td className="num">{format.money(item.margin)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        />
      )}
    </Section>
  );
}
