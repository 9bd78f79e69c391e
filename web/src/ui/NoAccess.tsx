import { Alert, Anchor, Stack, Text } from '@mantine/core';
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
      <Alert color="gray" variant="light" title={t('forbidden')} role="alert">
        <Stack gap="xs">
          <Text size="sm">{t('forbiddenHint', { page: title })}</Text>
          <Anchor component={Link} to="/" size="sm" w="fit-content">
            {t('backToPortfolio')}
          </Anchor>
        </Stack>
      </Alert>
    </Stack>
  );
}
