import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exportUrl } from './accounts.queries';
import type { AccountsSearch } from './accounts.search';

const FORMATS = ['csv', 'xlsx'] as const;

/** CSV or XLSX of the whole view, made by the server (all rows, same filters and order). */
export function ExportMenu({ search }: { search: AccountsSearch }) {
  const { t } = useTranslation('accounts');
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm">
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('export.title')}</Menu.Label>
        {FORMATS.map((format) => (
          <Menu.Item key={format} component="a" href={exportUrl(search, format)} download>
            {t(`export.${format}`)}
          </Menu.Item>
        ))}
        <Text size="xs" c="dimmed" px="sm" py={4} maw={260}>
          {t('export.hint')}
        </Text>
      </Menu.Dropdown>
    </Menu>
  );
}
