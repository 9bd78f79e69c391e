import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * A page the caller's role may not use (a direct visit; the navigation hides it). Says so plainly
 * instead of showing a page whose every request would be refused.
 */
export function NoAccess({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{title}</Title>
      <Paper withBorder p="lg" radius="md" role="alert">
        <Stack gap="xs">
          <Text fw={600}>{t('forbidden')}</Text>
          <Text size="sm">{t('forbiddenHint', { page: title })}</Text>
          <Anchor component={Link} to="/" size="sm" w="fit-content">
            {t('backToPortfolio')}
          </Anchor>
        </Stack>
      </Paper>
    </Stack>
  );
}
