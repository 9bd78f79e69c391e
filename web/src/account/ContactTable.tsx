import { Anchor, Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../api/types';
import { badgeText, ROLE_COLOR } from './account.colors';
import { Scale } from './Scale';

export function ContactTable({
  contacts,
  editable,
  onEdit,
  onDelete,
}: {
  contacts: Contact[];
  editable: boolean;
  onEdit: (contact: Contact) => void;
  onDelete: (contact: Contact) => void;
}) {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation();
  const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
  const sorted = [...contacts].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contacts.name')}</Table.Th>
            <Table.Th>{t('contacts.role')}</Table.Th>
            <Table.Th>{t('contacts.jobTitle')}</Table.Th>
            <Table.Th>{t('contacts.email')}</Table.Th>
            <Table.Th>{t('contacts.phone')}</Table.Th>
            <Table.Th>{t('contacts.influence')}</Table.Th>
            <Table.Th>{t('contacts.strength')}</Table.Th>
            <Table.Th>{t('contacts.reportsTo')}</Table.Th>
            {editable && (
              <Table.Th>
                <VisuallyHidden>{t('contacts.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((contact) => (
            <Table.Tr key={contact.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {contact.name}
                </Text>
                {contact.notes && (
                  <Text size="xs" c="dimmed" lineClamp={1} maw={220} title={contact.notes}>
                    {contact.notes}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={ROLE_COLOR[contact.role]}
                  c={badgeText(ROLE_COLOR[contact.role])}
                  size="sm"
                  tt="none"
                  miw="max-content"
                >
                  {t(`roles.${contact.role}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{contact.jobTitle ?? common('none')}</Table.Td>
              <Table.Td>
                {contact.email ? (
                  <Anchor href={`mailto:${contact.email}`} size="sm">
                    {contact.email}
                  </Anchor>
                ) : (
                  common('none')
                )}
              </Table.Td>
              <Table.Td>
                {contact.phone ? (
                  <Anchor href={`tel:${contact.phone}`} size="sm">
                    {contact.phone}
                  </Anchor>
                ) : (
                  common('none')
                )}
              </Table.Td>
              <Table.Td>
                <Scale value={contact.influence} />
              </Table.Td>
              <Table.Td>
                <Scale value={contact.relationshipStrength} />
              </Table.Td>
              <Table.Td>
                {contact.reportsTo ? (names.get(contact.reportsTo) ?? common('none')) : common('none')}
              </Table.Td>
              {editable && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Button size="compact-sm" variant="subtle" onClick={() => onEdit(contact)}>
                      {common('edit')}
                      <VisuallyHidden>{` ${contact.name}`}</VisuallyHidden>
                    </Button>
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => onDelete(contact)}>
                      {common('delete')}
                      <VisuallyHidden>{` ${contact.name}`}</VisuallyHidden>
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
