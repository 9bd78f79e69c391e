import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** Success and failure of every mutation, said the same way everywhere. */
export function notifySaved(message: string): void {
  // No close button: it closes itself, and an unlabelled close button is an accessibility fault.
  notifications.show({ color: 'green', message, autoClose: 3000, withCloseButton: false });
}

/**
 * A failed mutation: a 409 (someone else saved first) offers to reload; other errors show the
 * server's message, which is written for people.
 */
export function notifyError(t: TFunction, error: unknown, reload?: () => void): void {
  if (error instanceof ApiError && error.status === 409 && error.code === 'conflict') {
    const id = `stale-${Date.now()}`;
    notifications.show({
      id,
      color: 'orange',
      title: t('stale.title'),
      closeButtonProps: { 'aria-label': t('close') },
      autoClose: false,
      message: (
        <Stack gap="xs">
          <Text size="sm">{t('stale.message')}</Text>
          {reload && (
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                notifications.hide(id);
                reload();
              }}
            >
              {t('reload')}
            </Button>
          )}
        </Stack>
      ),
    });
    return;
  }
  notifications.show({
    color: 'red',
    title: t('error'),
    closeButtonProps: { 'aria-label': t('close') },
    message: error instanceof Error ? error.message : String(error),
  });
}
