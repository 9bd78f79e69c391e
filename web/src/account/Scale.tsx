import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A 1–5 rating as five dots, read out as "4 of 5". */
export function Scale({ value }: { value: number }) {
  const { t } = useTranslation('account');
  return (
    <Text
      span
      role="img"
      aria-label={t('scaleOf', { value })}
      title={t('scaleOf', { value })}
      c="kontor.9"
      style={{ letterSpacing: 1, whiteSpace: 'nowrap' }}
    >
      {'●'.repeat(value)}
      <Text span c="gray.5" inherit>
        {'●'.repeat(Math.max(0, 5 - value))}
      </Text>
    </Text>
  );
}
