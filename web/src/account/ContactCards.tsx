import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../api/types';
import { badgeText, ROLE_COLOR } from './account.colors';
import { Scale } from './Scale';

/** The contacts as cards, for a tablet: the table's nine columns would not fit without scrolling. */
export function ContactCards({
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
    <SimpleGrid
      cols={{ base: 1, sm: 2 }}
      spacing="sm"
      component="ul"
      style={{ listStyle: 'none', padding: 0 }}
    >
      {sorted.map((contact) => (
        <Paper key={contact.id} withBorder p="sm" radius="md" component="li">
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={600} truncate>
                {contact.name}
              </Text>
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
            </Group>
            <Text size="sm" c="dimmed">
              {contact.jobTitle ?? common('none')}
              {contact.reportsTo && names.has(contact.reportsTo)
                ? ` · ${t('contacts.reportsTo')} ${names.get(contact.reportsTo)}`
                : ''}
            </Text>
            <Group gap="md">
              {contact.email && (
                <Anchor href={`mailto:${contact.email}`} size="sm">
                  {contact.email}
                </Anchor>
              )}
              {contact.phone && (
                <Anchor href={`tel:${contact.phone}`} size="sm">
                  {contact.phone}
                </Anchor>
              )}
            </Group>
            <Group gap="lg">
              <Text size="sm">
                <Text span size="sm" c="dimmed">
                  {t('contacts.influence')}
                </Text>{' '}
                <Scale value={contact.influence} />
              </Text>
              <Text size="sm">
                <Text span size="sm" c="dimmed">
                  {t('contacts.strength')}
                </Text>{' '}
                <Scale value={contact.relationshipStrength} />
              </Text>
            </Group>
            {editable && (
              <Group gap={4} justify="flex-end">
                <Button size="compact-sm" variant="subtle" onClick={() => onEdit(contact)}>
                  {common('edit')}
                  <VisuallyHidden>{` ${contact.name}`}</VisuallyHidden>
                </Button>
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => onDelete(contact)}>
                  {common('delete')}
                  <VisuallyHidden>{` ${contact.name}`}</VisuallyHidden>
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
