import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import type { AccountDetail, AccountRecord, AccountUpdate } from '../api/types';
import { notifyError, notifySaved } from '../ui/notify';
import { ErrorAlert } from '../ui/QueryState';
import { accountApi, useRefreshAccount } from './account.queries';

export type OverrideKind = 'class' | 'tier';

const CHOICES = { class: ['A', 'B', 'C'], tier: ['green', 'transactional'] } as const;
const AUTO = 'auto';
export const MIN_REASON = 3;

/**
 * Sets the class or the tier by hand, always with a reason (METHOD P3: an account can be A for a
 * strategic reason that is not profit; G1: Green Circle by designation), or gives it back to the rules.
 * The change is made on the version the page shows; if someone saved in between, the server refuses
 * it and the user can reload and decide again.
 */
export function OverrideDialog({
  kind,
  account,
  onClose,
}: {
  kind: OverrideKind;
  account: AccountDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation();
  const refresh = useRefreshAccount(account.id);
  const current = kind === 'class' ? account.manualClass : account.manualTier;
  const currentValue = current
    ? kind === 'class'
      ? account.manualClass?.class
      : account.manualTier?.tier
    : AUTO;
  const computed = kind === 'class' ? account.metrics?.computedClass : account.metrics?.computedTier;
  const [value, setValue] = useState<string>(currentValue ?? AUTO);
  const [reason, setReason] = useState(current?.reason ?? '');
  const [tried, setTried] = useState(false);
  const field = kind === 'class' ? 'manualClass' : 'manualTier';

  const save = useMutation({
    mutationFn: () => {
      const chosen = value === AUTO ? null : value;
      const body: AccountUpdate =
        kind === 'class'
          ? {
              version: account.version,
              manualClass: { class: chosen as 'A' | 'B' | 'C' | null, ...(chosen ? { reason } : {}) },
            }
          : {
              version: account.version,
              manualTier: { tier: chosen as 'green' | 'transactional' | null, ...(chosen ? { reason } : {}) },
            };
      return api.patch<AccountRecord>(accountApi.path(account.id), body);
    },
    onSuccess: async () => {
      notifySaved(value === AUTO ? t('override.savedAuto') : t('override.saved'));
      await refresh('detail');
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        notifyError(common, error, () => void refresh('detail'));
    },
  });

  const label = (choice: string) =>
    kind === 'class' ? common(`classes.${choice as 'A'}`) : common(`tiers.${choice as 'green'}`);
  const tooShort = value !== AUTO && reason.trim().length < MIN_REASON;
  const unchanged = value === currentValue && (value === AUTO || reason.trim() === current?.reason);
  const serverError = save.error instanceof ApiError ? save.error : null;
  const reasonError =
    (tried && tooShort ? t('override.reasonTooShort', { count: MIN_REASON }) : undefined) ??
    serverError?.fieldMessage(`${field}.reason`);
  const generalError =
    save.error && !(serverError?.status === 409) && !serverError?.fieldMessage(`${field}.reason`);

  return (
    <Modal opened onClose={onClose} title={t(`override.title.${kind}`)} size="lg">
      {/* noValidate: the reason's own message (and the server's) shows, not the browser's bubble. */}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!tooShort) save.mutate();
        }}
      >
        <Stack gap="md">
          <Radio.Group value={value} onChange={setValue} label={t(`${kind}.label`)}>
            <Stack gap="xs" mt="xs">
              <Radio
                value={AUTO}
                label={
                  computed
                    ? t('override.automaticWith', { value: label(computed) })
                    : t('override.automaticNone')
                }
              />
              {CHOICES[kind].map((choice) => (
                <Radio key={choice} value={choice} label={t('override.byHand', { value: label(choice) })} />
              ))}
            </Stack>
          </Radio.Group>
          {value === AUTO ? (
            <Text size="sm" c="dimmed">
              {t(`override.autoExplained.${kind}`)}
            </Text>
          ) : (
            <Textarea
              label={t('override.reason')}
              description={t(`override.reasonHint.${kind}`)}
              required
              autosize
              minRows={2}
              maxRows={6}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={reasonError}
              data-autofocus
            />
          )}
          {generalError && <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {common('cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={unchanged}>
              {common('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
