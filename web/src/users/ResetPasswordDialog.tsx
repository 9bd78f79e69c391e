import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { notifyError } from '../ui/notify';
import { OneTimeSecret } from '../ui/OneTimeSecret';
import { useResetPassword } from './users.queries';

/** Asks first (the user is logged out everywhere), then shows the generated password once. */
export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const reset = useResetPassword();
  const [password, setPassword] = useState<string | null>(null);
  const close = () => {
    setPassword(null);
    reset.reset();
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('close') }}
      opened={user !== null}
      onClose={close}
      title={user ? t('reset.title', { name: user.name }) : ''}
      size="lg"
    >
      {user && password ? (
        <Stack>
          <OneTimeSecret label={t('reset.passwordLabel', { email: user.email })} secret={password} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('reset.done')}</Button>
          </Group>
        </Stack>
      ) : (
        user && (
          <Stack>
            <Text size="sm">{t('reset.message', { name: user.name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {tc('cancel')}
              </Button>
              <Button
                color="red"
                loading={reset.isPending}
                onClick={async () => {
                  try {
                    setPassword((await reset.mutateAsync(user)).password);
                  } catch (error) {
                    notifyError(tc, error);
                  }
                }}
              >
                {t('reset.confirm')}
              </Button>
            </Group>
          </Stack>
        )
      )}
    </Modal>
  );
}
