import { Badge, Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { useSession } from '../auth/session';
import { useFormat } from '../i18n/format';
import { QueryState } from '../ui/QueryState';
import { InviteUserDialog } from './InviteUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { RoleSelect } from './RoleSelect';
import { useUsers } from './users.queries';

/** Everyone who can log in: their role (changed in place), an invitation, password resets. */
export function UserList() {
  const { t } = useTranslation('users');
  const { user: me } = useSession();
  const users = useUsers();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [inviting, setInviting] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const matches = (user: User) =>
    `${user.name} ${user.email}`.toLowerCase().includes(search.trim().toLowerCase());

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={320}
          maw="100%"
          type="search"
        />
        <Button onClick={() => setInviting(true)}>{t('invite.open')}</Button>
      </Group>
      <QueryState query={users} minHeight={240}>
        {(items) => {
          const shown = items.filter(matches);
          return (
            <Stack gap="xs">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('list.count', { count: shown.length })}
              </Text>
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="xs" highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('list.name')}</Table.Th>
                      <Table.Th>{t('list.role')}</Table.Th>
                      <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('list.since')}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t('list.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((user) => (
                      <Table.Tr key={user.id}>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm" fw={500}>
                              {user.name}
                            </Text>
                            {user.id === me.id && (
                              <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
                                {t('list.you')}
                              </Badge>
                            )}
                          </Group>
                          <Text size="xs" c="dimmed">
                            {user.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <RoleSelect user={user} isMe={user.id === me.id} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {format.date(user.createdAt)}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>
                          <Button
                            variant="subtle"
                            size="xs"
                            onClick={() => setResetting(user)}
                            aria-label={t('list.resetPasswordOf', { name: user.name })}
                          >
                            {t('list.resetPassword')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {shown.length === 0 && (
                <Text c="dimmed" ta="center" py="lg">
                  {t('list.noMatch', { search })}
                </Text>
              )}
            </Stack>
          );
        }}
      </QueryState>
      <InviteUserDialog opened={inviting} onClose={() => setInviting(false)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </Stack>
  );
}
