import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import type { Contact, ContactCreate } from '../api/types';
import { notifyError, notifySaved } from '../ui/notify';
import { ErrorAlert } from '../ui/QueryState';
import { CONTACT_ROLES } from './account.enums';
import { accountApi, useRefreshAccount } from './account.queries';
import { ScaleInput } from './ScaleInput';

type Draft = Required<Omit<ContactCreate, 'reportsTo'>> & { reportsTo: number | null };

const FIELDS = [
  'name',
  'role',
  'jobTitle',
  'email',
  'phone',
  'influence',
  'relationshipStrength',
  'reportsTo',
  'notes',
];

function draftOf(contact: Contact | null): Draft {
  return {
    name: contact?.name ?? '',
    role: contact?.role ?? 'user',
    jobTitle: contact?.jobTitle ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    influence: contact?.influence ?? 3,
    relationshipStrength: contact?.relationshipStrength ?? 3,
    reportsTo: contact?.reportsTo ?? null,
    notes: contact?.notes ?? '',
  };
}

/**
 * Adds or changes a contact. Field errors are the server's (it validates anyway and knows the reporting
 * lines: a circle is refused with its reason under "Reports to"); only an empty name is caught here.
 */
export function ContactForm({
  accountId,
  contact,
  contacts,
  onClose,
}: {
  accountId: string;
  contact: Contact | null;
  contacts: Contact[];
  onClose: () => void;
}) {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation();
  const refresh = useRefreshAccount(accountId);
  const [draft, setDraft] = useState(() => draftOf(contact));
  const [tried, setTried] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = useMutation({
    mutationFn: () =>
      contact
        ? api.patch<Contact>(`${accountApi.contacts(accountId)}/${contact.id}`, {
            ...draft,
            version: contact.version,
          })
        : api.post<Contact>(accountApi.contacts(accountId), draft),
    onSuccess: async (saved) => {
      notifySaved(t(contact ? 'contacts.saved' : 'contacts.added', { name: saved.name }));
      await refresh('contacts');
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        notifyError(common, error, () => void refresh('contacts'));
    },
  });
  const failure = save.error instanceof ApiError ? save.error : null;
  const fieldError = (field: string) => failure?.fieldMessage(field);
  const nameMissing = draft.name.trim() === '';
  const unexplained = save.error && failure?.status !== 409 && !FIELDS.some((field) => fieldError(field));
  const managers = contacts
    .filter((other) => other.id !== contact?.id)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((other) => ({
      value: String(other.id),
      label: other.jobTitle ? `${other.name} (${other.jobTitle})` : other.name,
    }));

  return (
    <Modal
      opened
      onClose={onClose}
      title={contact ? t('contacts.editTitle', { name: contact.name }) : t('contacts.addTitle')}
      size="xl"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!nameMissing) save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('contacts.name')}
              required
              maxLength={200}
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={(tried && nameMissing ? t('contacts.nameRequired') : undefined) ?? fieldError('name')}
              data-autofocus
            />
            <Select
              label={t('contacts.role')}
              required
              allowDeselect={false}
              data={CONTACT_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              value={draft.role}
              onChange={(value) => value && set('role', value as Draft['role'])}
              error={fieldError('role')}
            />
            <TextInput
              label={t('contacts.jobTitle')}
              maxLength={200}
              value={draft.jobTitle ?? ''}
              onChange={(e) => set('jobTitle', e.currentTarget.value)}
              error={fieldError('jobTitle')}
            />
            <Select
              label={t('contacts.reportsTo')}
              placeholder={t('contacts.reportsToNone')}
              clearable
              searchable
              nothingFoundMessage={t('contacts.noMatch')}
              data={managers}
              value={draft.reportsTo === null ? null : String(draft.reportsTo)}
              onChange={(value) => set('reportsTo', value ? Number(value) : null)}
              error={fieldError('reportsTo')}
            />
            <TextInput
              label={t('contacts.email')}
              type="email"
              maxLength={320}
              value={draft.email ?? ''}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={fieldError('email')}
            />
            <TextInput
              label={t('contacts.phone')}
              type="tel"
              maxLength={50}
              value={draft.phone ?? ''}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={fieldError('phone')}
            />
            <ScaleInput
              label={t('contacts.influence')}
              hint={t('contacts.influenceHint')}
              value={draft.influence}
              onChange={(value) => set('influence', value)}
              error={fieldError('influence')}
            />
            <ScaleInput
              label={t('contacts.strength')}
              hint={t('contacts.strengthHint')}
              value={draft.relationshipStrength}
              onChange={(value) => set('relationshipStrength', value)}
              error={fieldError('relationshipStrength')}
            />
          </SimpleGrid>
          <Textarea
            label={t('contacts.notes')}
            autosize
            minRows={2}
            maxRows={6}
            value={draft.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={fieldError('notes')}
          />
          {unexplained && <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {common('cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {contact ? common('save') : t('contacts.addButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
