import { describe, expect, it } from 'vitest';
import { layoutOrgChart, NODE_HEIGHT, NODE_WIDTH, type OrgContact } from './org-chart.layout';

const contact = (id: number, name: string, reportsTo: number | null = null): OrgContact => ({
  id,
  name,
  reportsTo,
  jobTitle: null,
  role: 'user',
  influence: 3,
  relationshipStrength: 3,
});

const position = (result: ReturnType<typeof layoutOrgChart>, id: number) => {
  const node = result.nodes.find((n) => n.contact.id === id);
  if (!node) throw new Error(`contact ${id} not placed`);
  return { x: node.x, y: node.y };
};

describe('layoutOrgChart', () => {
  it('puts reports a layer below their manager, centred under them, ordered by name', () => {
    const chart = layoutOrgChart([contact(1, 'Chief'), contact(3, 'Zoe', 1), contact(2, 'Adam', 1)]);
    const chief = position(chart, 1);
    const adam = position(chart, 2);
    const zoe = position(chart, 3);
    expect(adam.y).toBe(zoe.y);
    expect(adam.y).toBeGreaterThanOrEqual(chief.y + NODE_HEIGHT);
    expect(adam.x).toBeLessThan(zoe.x);
    expect(zoe.x - adam.x).toBeGreaterThanOrEqual(NODE_WIDTH);
    expect(chief.x).toBe((adam.x + zoe.x) / 2);
    expect(chart.edges).toEqual(
      expect.arrayContaining([
        { id: '1-2', source: '1', target: '2', targetHandle: 'top' },
        { id: '1-3', source: '1', target: '3', targetHandle: 'top' },
      ]),
    );
  });

  it('keeps separate trees side by side without overlap and goes as deep as the chain', () => {
    const chart = layoutOrgChart([
      contact(1, 'A'),
      contact(2, 'B', 1),
      contact(3, 'C', 2),
      contact(4, 'D', 2),
      contact(5, 'E'),
    ]);
    const boxes = chart.nodes.map((n) => ({ ...n, right: n.x + NODE_WIDTH, bottom: n.y + NODE_HEIGHT }));
    for (const a of boxes)
      for (const b of boxes) {
        if (a === b) continue;
        const overlap = a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
        expect(overlap, `${a.contact.name} overlaps ${b.contact.name}`).toBe(false);
      }
    expect(position(chart, 3).y).toBeGreaterThan(position(chart, 2).y);
    expect(position(chart, 5).y).toBe(position(chart, 1).y);
    expect(chart.edges).toHaveLength(3);
  });

  it('stacks many reports without reports of their own as an indented list', () => {
    const chart = layoutOrgChart([contact(1, 'Boss'), ...[2, 3, 4, 5].map((id) => contact(id, `R${id}`, 1))]);
    const boss = position(chart, 1);
    const ys = [2, 3, 4, 5].map((id) => position(chart, id).y);
    expect(new Set([2, 3, 4, 5].map((id) => position(chart, id).x))).toEqual(new Set([boss.x + 32]));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(ys[0]).toBeGreaterThan(boss.y);
    expect(chart.edges.every((edge) => edge.targetHandle === 'left')).toBe(true);
  });

  it('makes a contact whose manager is unknown a root and breaks a cycle instead of dropping people', () => {
    const chart = layoutOrgChart([contact(1, 'Orphan', 99), contact(2, 'Ping', 3), contact(3, 'Pong', 2)]);
    expect(chart.nodes.map((n) => n.contact.id).sort()).toEqual([1, 2, 3]);
    expect(position(chart, 1).y).toBe(0);
    expect(chart.edges).toHaveLength(1);
  });

  it('has nothing to lay out for no contacts', () => {
    expect(layoutOrgChart([])).toEqual({ nodes: [], edges: [] });
  });
});
