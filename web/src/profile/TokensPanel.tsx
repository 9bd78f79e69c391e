import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../api/types';
import { can, useSession } from '../auth/session';
import { useFormat } from '../i18n/format';
import { notifyError, notifySaved } from '../ui/notify';
import { QueryState } from '../ui/QueryState';
import { CreateTokenDialog } from './CreateTokenDialog';
import { useRevokeToken, useTokens } from './profile.queries';

/** The own API tokens: list, create (the secret shown once), revoke. Viewers may only look. */
export function TokensPanel() {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const writable = can(user.role).write;
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const format = useFormat();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="profile-tokens">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3" id="profile-tokens">
            {t('tokens.title')}
          </Title>
          {writable && <Button onClick={() => setCreating(true)}>{t('tokens.create')}</Button>}
        </Group>
        <Text size="sm" c="dimmed">
          {t('tokens.intro')}
        </Text>
        {!writable && <Text size="sm">{t('tokens.viewerNote')}</Text>}
        <QueryState
          query={tokens}
          isEmpty={(items) => items.length === 0}
          empty={t('tokens.empty')}
          minHeight={100}
        >
          {(items) => {
            const revokedCount = items.filter((token) => token.revokedAt).length;
            const shown = items.filter((token) => showRevoked || !token.revokedAt);
            return (
              <Stack gap="sm">
                {revokedCount > 0 && (
                  <Switch
                    label={t('tokens.showRevoked')}
                    checked={showRevoked}
                    onChange={(event) => setShowRevoked(event.currentTarget.checked)}
                  />
                )}
                {shown.length === 0 ? (
                  <Text c="dimmed">{t('tokens.empty')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={640}>
                    <Table verticalSpacing="xs">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('tokens.columns.name')}</Table.Th>
                          <Table.Th>{t('tokens.columns.scope')}</Table.Th>
                          <Table.Th>{t('tokens.columns.created')}</Table.Th>
                          <Table.Th>{t('tokens.columns.lastUsed')}</Table.Th>
                          <Table.Th>{t('tokens.columns.status')}</Table.Th>
                          <Table.Th>
                            <VisuallyHidden>{t('tokens.columns.actions')}</VisuallyHidden>
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {shown.map((token) => (
                          <Table.Tr key={token.id}>
                            <Table.Td>
                              <Text size="sm" fw={500}>
                                {token.name}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{t(`tokens.scopes.${token.scope}`)}</Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{format.date(token.createdAt)}</Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">
                                {token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.neverUsed')}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              {token.revokedAt ? (
                                <Text size="sm">
                                  {t('tokens.revokedOn', { date: format.date(token.revokedAt) })}
                                </Text>
                              ) : (
                                <Badge variant="light">{t('tokens.active')}</Badge>
                              )}
                            </Table.Td>
                            <Table.Td style={{ textAlign: 'right' }}>
                              {writable && !token.revokedAt && (
                                <Button
                                  variant="subtle"
                                  color="red"
                                  size="xs"
                                  onClick={() => setRevoking(token)}
                                  aria-label={t('tokens.revokeLabel', { name: token.name })}
                                >
                                  {t('tokens.revoke')}
                                </Button>
                              )}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Stack>
            );
          }}
        </QueryState>
      </Stack>
      <CreateTokenDialog opened={creating} onClose={() => setCreating(false)} />
      <Modal
        closeButtonProps={{ 'aria-label': tc('close') }}
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={revoking ? t('tokens.revokeTitle', { name: revoking.name }) : ''}
      >
        <Stack>
          <Text size="sm">{t('tokens.revokeMessage')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {tc('cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={async () => {
                if (!revoking) return;
                try {
                  await revoke.mutateAsync(revoking);
                  notifySaved(t('tokens.revoked', { name: revoking.name }));
                  setRevoking(null);
                } catch (error) {
                  notifyError(tc, error);
                }
              }}
            >
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
