import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Contact } from '../api/types';
import { notifyError, notifySaved } from '../ui/notify';
import { accountApi, useRefreshAccount } from './account.queries';

/** Deleting asks first and says what happens to the people who reported to the contact. */
export function ContactDeleteDialog({
  accountId,
  contact,
  reports,
  onClose,
}: {
  accountId: string;
  contact: Contact;
  reports: number;
  onClose: () => void;
}) {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation();
  const refresh = useRefreshAccount(accountId);
  const remove = useMutation({
    mutationFn: () => api.delete(`${accountApi.contacts(accountId)}/${contact.id}`),
    onSuccess: async () => {
      notifySaved(t('contacts.deleted', { name: contact.name }));
      await refresh('contacts', 'activities');
      onClose();
    },
    onError: (error) => notifyError(common, error),
  });
  return (
    <Modal opened onClose={onClose} title={t('contacts.deleteTitle', { name: contact.name })}>
      <Stack gap="md">
        <Text size="sm">{t('contacts.deleteText')}</Text>
        {reports > 0 && <Text size="sm">{t('contacts.deleteReports', { count: reports })}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {common('cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {common('delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
