import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { Role, User } from '../api/types';
import { fetchSession, SESSION_KEY } from '../auth/session';
import { isStale } from '../ui/conflict';
import { notifyError, notifySaved } from '../ui/notify';
import { USERS_KEY, useChangeRole } from './users.queries';

const ROLES: Role[] = ['admin', 'manager', 'account_manager', 'viewer'];

/** The options of a role picker: each role with what it may do. */
export function useRoleOptions() {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  return ROLES.map((role) => ({
    value: role,
    label: tc(`roles.${role}`),
    description: t(`roleHelp.${role}`),
  }));
}

export function renderRoleOption({ option }: { option: { value: string; label: string } }) {
  const { description } = option as { description?: string };
  return (
    <Stack gap={0}>
      <Text size="sm">{option.label}</Text>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
    </Stack>
  );
}

/** A user's role, changed in place; giving up one's own admin rights asks first. */
export function RoleSelect({ user, isMe }: { user: User; isMe: boolean }) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const client = useQueryClient();
  const change = useChangeRole();
  const options = useRoleOptions();
  const [confirming, setConfirming] = useState<Role | null>(null);

  const save = async (role: Role) => {
    setConfirming(null);
    try {
      const after = await change.mutateAsync({ user, role });
      notifySaved(t('role.saved', { name: after.name, role: tc(`roles.${role}`) }));
      if (isMe) {
        // The own rights changed: the navigation and this page follow the new role.
        client.setQueryData(SESSION_KEY, await fetchSession());
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && !isStale(error)) {
        notifications.show({
          color: 'red',
          title: tc('error'),
          closeButtonProps: { 'aria-label': tc('close') },
          message: t('role.lastAdmin'),
        });
        return;
      }
      notifyError(tc, error, () => void client.invalidateQueries({ queryKey: USERS_KEY }));
    }
  };

  return (
    <>
      <Select
        aria-label={t('list.roleOf', { name: user.name })}
        data={options}
        value={user.role}
        renderOption={renderRoleOption}
        allowDeselect={false}
        disabled={change.isPending}
        onChange={(value) => {
          if (!value || value === user.role) return;
          if (isMe && user.role === 'admin') setConfirming(value as Role);
          else void save(value as Role);
        }}
        w={210}
        comboboxProps={{ width: 320, position: 'bottom-start' }}
      />
      <Modal
        closeButtonProps={{ 'aria-label': tc('close') }}
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('role.selfTitle')}
      >
        <Stack>
          <Text size="sm">{t('role.selfMessage')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {tc('cancel')}
            </Button>
            <Button color="red" onClick={() => confirming && void save(confirming)}>
              {t('role.selfConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
