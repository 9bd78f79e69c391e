import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COLUMN_KEYS, type ColumnKey, DEFAULT_COLUMNS } from './accounts.columns';

/** Which columns the table shows; remembered in this browser (see useColumnChoice). */
export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: ColumnKey[];
  onChange(keys: ColumnKey[]): void;
}) {
  const { t } = useTranslation('accounts');
  return (
    // Open until dismissed, whatever the table beneath does (hideDetached hides it when the button
    // seems out of view, which without layout, in tests, is always).
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus hideDetached={false}>
      <Popover.Target>
        <Button variant="default" size="sm">
          {t('columnMenu.button')} ({columns.length})
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Checkbox.Group
            label={t('columnMenu.title')}
            value={columns}
            onChange={(keys) => onChange(keys as ColumnKey[])}
          >
            <Stack gap={6} mt="xs">
              {COLUMN_KEYS.map((key) => (
                <Checkbox
                  key={key}
                  value={key}
                  disabled={key === 'name'}
                  label={
                    key === 'name' ? (
                      <>
                        {t('columns.name')}{' '}
                        <Text span size="xs" c="dimmed">
                          ({t('columnMenu.always')})
                        </Text>
                      </>
                    ) : (
                      t(`columns.${key}`)
                    )
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Button variant="subtle" size="xs" onClick={() => onChange(DEFAULT_COLUMNS)}>
            {t('columnMenu.reset')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
