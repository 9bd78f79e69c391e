import '@xyflow/react/dist/style.css';
import { EmptyState, Paper, Stack, Text } from '@mantine/core';
import { Background, Controls, type Node, type NodeTypes, ReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/QueryState';
import { useContacts } from './account.queries';
import { ContactNode, type ContactNodeData } from './ContactNode';
import { layoutOrgChart } from './org-chart.layout';
import { PanelLoading } from './PanelLoading';

const HEIGHT = 560;
const nodeTypes: NodeTypes = { contact: ContactNode };

/** The reporting lines of the account's contacts as a chart, top-down; read-only (edit a contact to change it). */
export function OrgChartPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('account');
  const contacts = useContacts(accountId);
  const chart = useMemo(() => {
    const { nodes, edges } = layoutOrgChart(contacts.data ?? []);
    return {
      nodes: nodes.map(
        (placed): Node<ContactNodeData> => ({
          id: String(placed.contact.id),
          type: 'contact',
          position: { x: placed.x, y: placed.y },
          data: { contact: placed.contact },
          ariaLabel: placed.contact.name,
        }),
      ),
      edges: edges.map((edge) => ({
        ...edge,
        sourceHandle: edge.targetHandle === 'left' ? 'stack' : 'bottom',
        type: 'smoothstep',
      })),
    };
  }, [contacts.data]);
  const aria = useMemo(
    () => ({
      'node.a11yDescription.default': t('org.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('org.a11y.node'),
      'edge.a11yDescription.default': t('org.a11y.edge'),
      'controls.ariaLabel': t('org.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('org.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('org.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('org.a11y.fitView'),
      'controls.interactive.ariaLabel': t('org.a11y.interactive'),
      'handle.ariaLabel': t('org.a11y.handle'),
    }),
    [t],
  );
  if (contacts.isPending) return <PanelLoading height={HEIGHT} />;
  if (contacts.isError) return <ErrorAlert error={contacts.error} onRetry={() => void contacts.refetch()} />;
  if (contacts.data.length === 0)
    return <EmptyState title={t('contacts.emptyTitle')} description={t('org.empty')} mih={200} />;
  return (
    <Stack gap="xs">
      <Paper
        withBorder
        radius="md"
        h={HEIGHT}
        style={{ overflow: 'hidden' }}
        aria-label={t('org.title')}
        role="region"
      >
        <ReactFlow
          nodes={chart.nodes}
          edges={chart.edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
          minZoom={0.2}
          maxZoom={1.5}
          ariaLabelConfig={aria}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </Paper>
      <Text size="xs" c="dimmed">
        {t('org.hint')}
      </Text>
    </Stack>
  );
}
