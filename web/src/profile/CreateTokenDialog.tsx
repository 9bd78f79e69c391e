import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../api/types';
import { notifyError } from '../ui/notify';
import { OneTimeSecret } from '../ui/OneTimeSecret';
import { useCreateToken } from './profile.queries';

const SCOPES: ApiToken['scope'][] = ['read', 'write'];

/** Name and scope of a new token; the secret is shown once (only its hash is stored). */
export function CreateTokenDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiToken['scope']>('read');
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<{ token: ApiToken; secret: string } | null>(null);

  const close = () => {
    setName('');
    setScope('read');
    setSubmitted(false);
    setCreated(null);
    create.reset();
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return;
    try {
      setCreated(await create.mutateAsync({ name: name.trim(), scope }));
    } catch (error) {
      notifyError(tc, error);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('close') }}
      opened={opened}
      onClose={close}
      title={t('tokens.createTitle')}
      size="lg"
    >
      {created ? (
        <Stack>
          <OneTimeSecret
            label={t('tokens.secretLabel', { name: created.token.name })}
            secret={created.secret}
            hint={t('tokens.secretHint')}
          />
          <Group justify="flex-end">
            <Button onClick={close}>{t('tokens.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('tokens.name')}
              placeholder={t('tokens.namePlaceholder')}
              description={t('tokens.nameHint')}
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={submitted && !name.trim() ? t('tokens.nameRequired') : undefined}
              data-autofocus
            />
            <Radio.Group
              label={t('tokens.scope')}
              value={scope}
              onChange={(value) => setScope(value as ApiToken['scope'])}
            >
              <Stack gap="xs" mt="xs">
                {SCOPES.map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={t(`tokens.scopes.${value}`)}
                    description={
                      <Text span size="xs" c="dimmed">
                        {t(`tokens.scopeHelp.${value}`)}
                      </Text>
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {tc('cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
