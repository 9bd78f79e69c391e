import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../api/types';
import { TableScroll } from '../ui/TableScroll';
import { fieldLabel } from './imports.text';
import {
  assignField,
  canChoose,
  FIELDS,
  type Field,
  type MappingDraft,
  mapPairs,
  resetDraft,
} from './mapping';

const REQUIRED = new Set<Field>(['customer_id', 'date', 'amount']);

/** Header → field, one row per column of the file; a change asks the server for a new preview. */
export function MappingEditor({
  preview,
  draft,
  onChange,
  disabled,
}: {
  preview: ImportPreview;
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('imports');
  const options = [
    { value: '', label: t('mapping.notImported') },
    ...FIELDS.map((field) => ({
      value: field,
      label: REQUIRED.has(field)
        ? `${fieldLabel(t, field)} (${t('mapping.required')})`
        : fieldLabel(t, field),
    })),
  ];
  const via = (column: number, field: Field | null) => {
    if (field === null) return null;
    const confirmed = preview.mapping.find((entry) => entry.column === column && entry.field === field);
    return confirmed?.via ?? 'chosen';
  };
  const changed = mapPairs(draft).length > 0;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h5">
            {t('mapping.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mapping.hint')}
          </Text>
        </div>
        {changed && (
          <Button variant="subtle" size="xs" disabled={disabled} onClick={() => onChange(resetDraft(draft))}>
            {t('mapping.reset')}
          </Button>
        )}
      </Group>
      <TableScroll minWidth={560} label={t('mapping.title')}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mapping.column')}</Table.Th>
              <Table.Th>{t('mapping.example')}</Table.Th>
              <Table.Th w={400}>{t('mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.headers.map((header, column) => {
              const field = draft.columns[column] ?? null;
              const how = via(column, field);
              const choosable = canChoose(draft.headers, column);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file
                <Table.Tr key={column}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {header || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1} maw={260}>
                      {preview.examples[column] ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Select
                        size="xs"
                        w={240}
                        data={options}
                        value={field ?? ''}
                        allowDeselect={false}
                        disabled={disabled || !choosable}
                        title={choosable ? undefined : t('mapping.cannotChoose')}
                        aria-label={t('mapping.fieldFor', { header: header || String(column + 1) })}
                        onChange={(value) =>
                          onChange(assignField(draft, column, value ? (value as Field) : null))
                        }
                      />
                      {how && (
                        <Text
                          size="xs"
                          c={how === 'chosen' ? 'kontor.8' : 'dimmed'}
                          fw={how === 'chosen' ? 600 : 400}
                        >
                          {t(`mapping.via.${how}`)}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}
