import { Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A tab's placeholder of the height its content will have, so the page does not jump. */
export function PanelLoading({ height }: { height: number }) {
  const { t } = useTranslation();
  return (
    <Center mih={height} role="status" aria-live="polite">
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{t('loading')}</Text>
      </Group>
    </Center>
  );
}
