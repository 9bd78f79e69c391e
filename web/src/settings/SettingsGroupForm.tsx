import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { SettingsDocument } from '../api/types';
import { localeOf } from '../i18n/format';
import { notifyError, notifySaved } from '../ui/notify';
import { SettingField } from './SettingField';
import { type FieldValue, type FormValues, toFormValues, toPatch, validate } from './settings.form';
import type { GroupSpec } from './settings.groups';
import { useSaveSettings } from './settings.queries';
import { useSettingText } from './settings.text';

interface Props {
  group: GroupSpec;
  document: SettingsDocument;
  /** Fetches the settings again; resolves with the fresh document (after a 409). */
  reload: () => Promise<SettingsDocument | undefined>;
}

/**
 * One section of the settings page, saved on its own. It keeps the document it was loaded from (and
 * its versions) while the user edits, so a save after someone else's change is refused instead of
 * overwriting it; while untouched it follows the latest document.
 */
export function SettingsGroupForm({ group, document, reload }: Props) {
  const { t, i18n } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const text = useSettingText();
  const locale = localeOf(i18n.language);
  const localized = (params: Record<string, number | string> = {}) =>
    Object.fromEntries(
      Object.entries(params).map(([key, value]) => [
        key,
        typeof value === 'number' ? value.toLocaleString(locale) : value,
      ]),
    );
  const save = useSaveSettings();
  const [baseline, setBaseline] = useState(document);
  const [values, setValues] = useState<FormValues>(() => toFormValues(group, document));
  const [seen, setSeen] = useState(document);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});

  const adopt = (next: SettingsDocument) => {
    setBaseline(next);
    setSeen(next);
    setValues(toFormValues(group, next));
    setSubmitted(false);
    setServerErrors({});
  };
  const patch = toPatch(group, values, baseline);
  const dirty = patch !== null;
  // A newer document (another section saved, a reload) replaces the values only while untouched.
  if (document !== seen) {
    setSeen(document);
    if (!dirty) {
      setBaseline(document);
      setValues(toFormValues(group, document));
    }
  }
  const original = toFormValues(group, baseline);
  const problems = validate(group, values);
  const title = t(`groups.${group.id}.title`);

  const change = (path: string, value: FieldValue) => {
    setValues((current) => ({ ...current, [path]: value }));
    setServerErrors(({ [path]: _, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!patch || Object.keys(problems).length > 0) return;
    try {
      adopt(await save.mutateAsync(patch));
      notifySaved(t('saved', { section: title }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.details.some((d) => d.field)) {
        setServerErrors(Object.fromEntries(error.details.map((d) => [d.field ?? '', d.message])));
        notifications.show({
          color: 'red',
          title: tc('error'),
          closeButtonProps: { 'aria-label': tc('close') },
          message: t('invalid'),
        });
        return;
      }
      notifyError(tc, error, () => {
        void reload().then((fresh) => fresh && adopt(fresh));
      });
    }
  };

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby={`settings-${group.id}`}
      id={group.id}
      style={{ scrollMarginTop: 72 }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
              <Group gap="sm" align="center">
                <Title order={2} size="h3" id={`settings-${group.id}`} tabIndex={-1}>
                  {title}
                </Title>
                {dirty && (
                  <Badge color="orange" variant="light">
                    {t('unsaved')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('method', { rules: group.method })}
              </Text>
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {t(`groups.${group.id}.description`)}
            </Text>
          </div>
          {group.fields.map((field) => {
            const shown = submitted || values[field.path] !== original[field.path];
            const problem = problems[field.path];
            return (
              <SettingField
                key={field.path}
                field={field}
                value={values[field.path]}
                onChange={(value) => change(field.path, value)}
                label={text.label(field)}
                help={text.help(field, values, baseline)}
                defaultText={text.defaultText(field, document)}
                error={
                  (shown && problem
                    ? t(problem.key as 'errors.atLeast', localized(problem.params) as { min: string })
                    : undefined) ?? serverErrors[field.path]
                }
                currency={document.currency}
              />
            );
          })}
          <Group justify="space-between" gap="sm">
            <Button
              type="button"
              variant="subtle"
              size="sm"
              onClick={() => setValues(toFormValues(group, document.defaults))}
            >
              {t('useDefaults')}
            </Button>
            <Group gap="xs">
              {/* Kept in place while hidden, so the row does not jump when the first change is made. */}
              <Button
                type="button"
                variant="subtle"
                color="gray"
                size="sm"
                onClick={() => adopt(document)}
                style={{ visibility: dirty ? 'visible' : 'hidden' }}
              >
                {t('discard')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                {tc('save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
