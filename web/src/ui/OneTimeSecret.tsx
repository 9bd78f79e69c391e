import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A password or token the server shows only once (only its hash is kept): displayed in full, easy to
 * copy, with a plain warning that it cannot be shown again.
 */
export function OneTimeSecret({ label, secret, hint }: { label: string; secret: string; hint?: string }) {
  const { t } = useTranslation();
  return (
    // The title in dark text: Mantine's yellow on light yellow is below 4.5:1.
    <Alert
      color="yellow"
      variant="light"
      title={label}
      styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="center">
          <Code
            block
            style={{
              flex: 1,
              fontSize: 'var(--mantine-font-size-md)',
              wordBreak: 'break-all',
              whiteSpace: 'pre-wrap',
            }}
            data-testid="one-time-secret"
          >
            {secret}
          </Code>
          <CopyButton value={secret} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('secret.copied') : t('secret.copy')} withArrow>
                <ActionIcon
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'kontor' : 'gray'}
                  size="lg"
                  onClick={copy}
                  aria-label={copied ? t('secret.copied') : t('secret.copy')}
                >
                  <span aria-hidden="true">{copied ? '✓' : '⧉'}</span>
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" fw={600}>
          {t('secret.onlyOnce')}
        </Text>
        {hint && <Text size="sm">{hint}</Text>}
      </Stack>
    </Alert>
  );
}
