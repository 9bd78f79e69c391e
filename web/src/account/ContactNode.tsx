import { Badge, Group, Text } from '@mantine/core';
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { badgeText, ROLE_COLOR } from './account.colors';
import { NODE_HEIGHT, NODE_WIDTH, type OrgContact } from './org-chart.layout';
import { Scale } from './Scale';

export type ContactNodeData = { contact: OrgContact };

// The relationship's strength colours the node's edge: weak ties stand out where they matter most.
const STRENGTH_COLOR = ['', 'red.7', 'orange.6', 'yellow.6', 'lime.6', 'kontor.7'];

/** One person: name, job title, buying-centre role, influence and relationship strength. */
export function ContactNode({ data }: NodeProps<Node<ContactNodeData>>) {
  const { t } = useTranslation('account');
  const { contact } = data;
  const strength = STRENGTH_COLOR[contact.relationshipStrength] ?? 'gray.5';
  return (
    <div
      style={{
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        boxSizing: 'border-box',
        padding: '6px 10px',
        background: 'var(--mantine-color-body)',
        border: '1px solid var(--mantine-color-gray-4)',
        borderLeft: `5px solid var(--mantine-color-${strength.replace('.', '-')})`,
        borderRadius: 6,
        boxShadow: 'var(--mantine-shadow-xs)',
      }}
    >
      <Handle type="target" id="top" position={Position.Top} isConnectable={false} style={{ opacity: 0 }} />
      <Handle type="target" id="left" position={Position.Left} isConnectable={false} style={{ opacity: 0 }} />
      <Text size="sm" fw={600} truncate>
        {contact.name}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {contact.jobTitle ?? '—'}
      </Text>
      <Group gap={6} mt={4} wrap="nowrap" justify="space-between">
        <Badge
          size="xs"
          variant="light"
          color={ROLE_COLOR[contact.role]}
          c={badgeText(ROLE_COLOR[contact.role])}
          tt="none"
          style={{ flexShrink: 1, minWidth: 0 }}
        >
          {t(`roles.${contact.role}`)}
        </Badge>
        <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
          <Text span size="xs" c="dimmed">
            {t('org.influenceShort')}
          </Text>{' '}
          <Scale value={contact.influence} />
        </Text>
      </Group>
      <Group gap={4} justify="flex-end" wrap="nowrap">
        <Text span size="xs" c="dimmed">
          {t('org.strengthShort')}
        </Text>
        <Text span size="xs">
          <Scale value={contact.relationshipStrength} />
        </Text>
      </Group>
      <Handle
        type="source"
        id="bottom"
        position={Position.Bottom}
        isConnectable={false}
        style={{ opacity: 0 }}
      />
      {/* Reports stacked as a list hang off a line near the left edge. */}
      <Handle
        type="source"
        id="stack"
        position={Position.Bottom}
        isConnectable={false}
        style={{ opacity: 0, left: 16 }}
      />
    </div>
  );
}
