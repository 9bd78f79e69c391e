import { Box, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../auth/session';
import { NoAccess } from '../ui/NoAccess';
import { QueryState } from '../ui/QueryState';
import { SettingsGroupForm } from './SettingsGroupForm';
import { GROUPS } from './settings.groups';
import { useSettingsDocument } from './settings.queries';

/** Workspace settings (admins): every number of the method, grouped as a sales leader thinks of them. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { user } = useSession();
  useEffect(() => {
    document.title = `${t('title')} · Kontor`;
  }, [t]);
  if (!can(user.role).admin) return <NoAccess title={t('title')} />;
  return <SettingsForms />;
}

function SettingsForms() {
  const { t } = useTranslation('settings');
  const query = useSettingsDocument();
  const reload = async () => (await query.refetch()).data;
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed" mt={4} maw={720}>
          {t('intro')}
        </Text>
      </div>
      <QueryState query={query} minHeight={400}>
        {(document) => (
          <Group align="flex-start" gap="xl" wrap="nowrap">
            <Box
              component="nav"
              aria-label={t('title')}
              visibleFrom="lg"
              w={210}
              style={{ position: 'sticky', top: 72, flexShrink: 0 }}
            >
              {GROUPS.map((group) => (
                <NavLink
                  key={group.id}
                  href={`#${group.id}`}
                  label={t(`groups.${group.id}.title`)}
                  onClick={(event) => {
                    // The app shell scrolls the window; jump without touching the router's URL.
                    event.preventDefault();
                    window.document.getElementById(group.id)?.scrollIntoView({ behavior: 'smooth' });
                    window.document.getElementById(`settings-${group.id}`)?.focus({ preventScroll: true });
                  }}
                />
              ))}
            </Box>
            <Stack gap="lg" style={{ flex: 1, minWidth: 0 }} maw={760}>
              {GROUPS.map((group) => (
                <SettingsGroupForm key={group.id} group={group} document={document} reload={reload} />
              ))}
            </Stack>
          </Group>
        )}
      </QueryState>
    </Stack>
  );
}
