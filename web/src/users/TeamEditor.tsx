import { Button, Group, Modal, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeam } from '../account/account.queries';
import type { TeamMember } from '../api/types';
import { notifyError, notifySaved } from '../ui/notify';
import { QueryState } from '../ui/QueryState';
import { TEAM_ROLES, useRemoveTeamMember, useSetTeamMember, useUsers } from './users.queries';

type TeamRole = TeamMember['teamRole'];

/** One account's team: change a member's team role, remove a member, add a user. */
export function TeamEditor({ account }: { account: { id: string; name: string } }) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const team = useTeam(account.id);
  const users = useUsers();
  const setMember = useSetTeamMember(account.id);
  const remove = useRemoveTeamMember(account.id);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const [newUser, setNewUser] = useState<string | null>(null);
  const [newRole, setNewRole] = useState<TeamRole>('member');
  const roles = TEAM_ROLES.map((role) => ({ value: role, label: t(`teams.roles.${role}`) }));

  const put = async (userId: number, name: string, teamRole: TeamRole, added: boolean) => {
    try {
      await setMember.mutateAsync({ userId, teamRole });
      notifySaved(
        added ? t('teams.added', { name }) : t('teams.changed', { name, role: t(`teams.roles.${teamRole}`) }),
      );
      return true;
    } catch (error) {
      notifyError(tc, error);
      return false;
    }
  };

  return (
    <QueryState query={team} minHeight={160}>
      {(members) => {
        const candidates = (users.data ?? [])
          .filter((user) => !members.some((member) => member.userId === user.id))
          .map((user) => ({ value: String(user.id), label: `${user.name} · ${user.email}` }));
        return (
          <Stack gap="md">
            {members.length === 0 ? (
              <Text c="dimmed">{t('teams.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={520}>
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('teams.member')}</Table.Th>
                      <Table.Th>{t('teams.teamRole')}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t('teams.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {members.map((member) => (
                      <Table.Tr key={member.userId}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {member.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {member.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Select
                            aria-label={t('teams.teamRoleOf', { name: member.name })}
                            data={roles}
                            value={member.teamRole}
                            allowDeselect={false}
                            onChange={(value) =>
                              value &&
                              value !== member.teamRole &&
                              void put(member.userId, member.name, value as TeamRole, false)
                            }
                            w={200}
                          />
                        </Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>
                          <Button
                            variant="subtle"
                            color="red"
                            size="xs"
                            onClick={() => setRemoving(member)}
                            aria-label={t('teams.removeLabel', { name: member.name })}
                          >
                            {t('teams.remove')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <form
              onSubmit={async (event) => {
                event.preventDefault();
                const user = users.data?.find((u) => String(u.id) === newUser);
                if (user && (await put(user.id, user.name, newRole, true))) setNewUser(null);
              }}
            >
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <Text component="legend" fw={600} size="sm" mb="xs">
                  {t('teams.addTitle')}
                </Text>
                <Group align="flex-end" gap="sm">
                  <Select
                    label={t('teams.user')}
                    placeholder={candidates.length ? t('teams.userPlaceholder') : t('teams.everyoneOn')}
                    data={candidates}
                    value={newUser}
                    onChange={setNewUser}
                    searchable
                    disabled={candidates.length === 0}
                    w={340}
                    maw="100%"
                  />
                  <Select
                    label={t('teams.teamRole')}
                    data={roles}
                    value={newRole}
                    onChange={(value) => value && setNewRole(value as TeamRole)}
                    allowDeselect={false}
                    w={200}
                  />
                  <Button type="submit" disabled={!newUser} loading={setMember.isPending}>
                    {t('teams.submitAdd')}
                  </Button>
                </Group>
              </fieldset>
            </form>
            <Modal
              closeButtonProps={{ 'aria-label': tc('close') }}
              opened={removing !== null}
              onClose={() => setRemoving(null)}
              title={removing ? t('teams.removeTitle', { name: removing.name, account: account.name }) : ''}
            >
              <Stack>
                <Text size="sm">{removing && t('teams.removeMessage', { name: removing.name })}</Text>
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setRemoving(null)}>
                    {tc('cancel')}
                  </Button>
                  <Button
                    color="red"
                    loading={remove.isPending}
                    onClick={async () => {
                      if (!removing) return;
                      try {
                        await remove.mutateAsync(removing.userId);
                        notifySaved(t('teams.removed', { name: removing.name }));
                        setRemoving(null);
                      } catch (error) {
                        notifyError(tc, error);
                      }
                    }}
                  >
                    {t('teams.remove')}
                  </Button>
                </Group>
              </Stack>
            </Modal>
          </Stack>
        );
      }}
    </QueryState>
  );
}
