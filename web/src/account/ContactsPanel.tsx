import { Alert, Box, Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, Contact } from '../api/types';
import { ErrorAlert } from '../ui/QueryState';
import { useContacts } from './account.queries';
import { ContactCards } from './ContactCards';
import { ContactDeleteDialog } from './ContactDeleteDialog';
import { ContactForm } from './ContactForm';
import { ContactTable } from './ContactTable';
import { contactCoverage, MAX_CONTACTS, MIN_CONTACTS } from './contact.coverage';
import { PanelLoading } from './PanelLoading';

/** The people we know at the account, with their role in the buying centre (METHOD G4). */
export function ContactsPanel({
  accountId,
  account,
  editable,
}: {
  accountId: string;
  account: AccountDetail | undefined;
  editable: boolean;
}) {
  const { t } = useTranslation('account');
  const contacts = useContacts(accountId);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const tier = account?.manualTier?.tier ?? account?.metrics?.computedTier ?? null;
  const coverage = contacts.data ? contactCoverage(contacts.data, tier) : null;
  return (
    <Stack gap="md">
      <Group justify="space-between" mih={36}>
        <Title order={2} size="h4">
          {t('contacts.title')}
        </Title>
        {editable && <Button onClick={() => setEditing('new')}>{t('contacts.add')}</Button>}
      </Group>
      {coverage && coverage.state !== 'covered' && (
        <Alert
          color={coverage.state === 'over' ? 'blue' : 'orange'}
          title={t(`coverage.${coverage.state}.title`)}
        >
          {t(`coverage.${coverage.state}.text`, { min: MIN_CONTACTS, max: MAX_CONTACTS })}
        </Alert>
      )}
      {coverage && coverage.missingRoles.length > 0 && coverage.state !== 'none' && (
        <Text size="sm" c="dimmed">
          {t('coverage.missingRoles', {
            roles: coverage.missingRoles.map((role) => t(`roles.${role}`)).join(', '),
          })}
        </Text>
      )}
      {contacts.isPending ? (
        <PanelLoading height={240} />
      ) : contacts.isError ? (
        <ErrorAlert error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : contacts.data.length === 0 ? (
        <EmptyState title={t('contacts.emptyTitle')} description={t('contacts.emptyText')} mih={200}>
          {editable && (
            <Button variant="light" onClick={() => setEditing('new')}>
              {t('contacts.addFirst')}
            </Button>
          )}
        </EmptyState>
      ) : (
        <>
          <Box visibleFrom="lg">
            <ContactTable
              contacts={contacts.data}
              editable={editable}
              onEdit={setEditing}
              onDelete={setDeleting}
            />
          </Box>
          <Box hiddenFrom="lg">
            <ContactCards
              contacts={contacts.data}
              editable={editable}
              onEdit={setEditing}
              onDelete={setDeleting}
            />
          </Box>
        </>
      )}
      {editing && (
        <ContactForm
          accountId={accountId}
          contact={editing === 'new' ? null : editing}
          contacts={contacts.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ContactDeleteDialog
          accountId={accountId}
          contact={deleting}
          reports={(contacts.data ?? []).filter((c) => c.reportsTo === deleting.id).length}
          onClose={() => setDeleting(null)}
        />
      )}
    </Stack>
  );
}
