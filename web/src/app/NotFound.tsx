import { Anchor, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Center mih={300}>
      <Stack align="center">
        <Title order={1}>404</Title>
        <Text>{t('notFound')}</Text>
        <Anchor component={Link} to="/">
          {t('nav.portfolio')}
        </Anchor>
      </Stack>
    </Center>
  );
}
