import type { Contact } from '../api/types';

export type OrgContact = Pick<
  Contact,
  'id' | 'name' | 'jobTitle' | 'role' | 'influence' | 'relationshipStrength' | 'reportsTo'
>;

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 92;
const GAP_X = 28;
const GAP_Y = 60;
const STACK_GAP = 16;
const STACK_INDENT = 32;
/** More direct reports than this, all without reports of their own, are stacked as a list. */
export const MAX_SIDE_BY_SIDE_LEAVES = 3;

export interface PlacedContact {
  contact: OrgContact;
  x: number;
  y: number;
}

export interface OrgEdge {
  id: string;
  source: string;
  target: string;
  /** 'top' for a report placed below its manager, 'left' for one in a stacked list. */
  targetHandle: 'top' | 'left';
}

interface TreeNode {
  contact: OrgContact;
  children: TreeNode[];
}

/**
 * A top-down tree from reports-to: each manager centred above their reports, forests side by side.
 * A manager with many reports who have none of their own gets them as an indented list below, so the
 * chart stays readable instead of a row of ten boxes (the usual shape of a buying centre). Contacts
 * whose manager is unknown become roots; a cycle (the server refuses them) is broken where it is found.
 */
export function layoutOrgChart(contacts: readonly OrgContact[]): {
  nodes: PlacedContact[];
  edges: OrgEdge[];
} {
  const sorted = [...contacts].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  const byId = new Map(sorted.map((contact) => [contact.id, contact]));
  const reports = new Map<number, OrgContact[]>();
  for (const contact of sorted) {
    const manager = contact.reportsTo;
    if (manager === null || manager === contact.id || !byId.has(manager)) continue;
    reports.set(manager, [...(reports.get(manager) ?? []), contact]);
  }
  const visited = new Set<number>();
  const build = (contact: OrgContact): TreeNode => {
    visited.add(contact.id);
    const children = (reports.get(contact.id) ?? []).filter((child) => !visited.has(child.id)).map(build);
    return { contact, children };
  };
  const roots: TreeNode[] = [];
  const isRoot = (c: OrgContact) => c.reportsTo === null || c.reportsTo === c.id || !byId.has(c.reportsTo);
  for (const contact of sorted) if (isRoot(contact)) roots.push(build(contact));
  // Whatever is left sits on a cycle: start a tree at its first member.
  for (const contact of sorted) if (!visited.has(contact.id)) roots.push(build(contact));

  const nodes: PlacedContact[] = [];
  const edges: OrgEdge[] = [];
  let left = 0;
  for (const root of roots) {
    place(root, left, 0, nodes, edges);
    left += width(root) + GAP_X;
  }
  return { nodes, edges };
}

const stacked = (node: TreeNode) =>
  node.children.length > MAX_SIDE_BY_SIDE_LEAVES &&
  node.children.every((child) => child.children.length === 0);

function width(node: TreeNode): number {
  if (node.children.length === 0) return NODE_WIDTH;
  if (stacked(node)) return NODE_WIDTH + STACK_INDENT;
  const children = node.children.reduce((sum, child) => sum + width(child), 0);
  return Math.max(NODE_WIDTH, children + GAP_X * (node.children.length - 1));
}

/** Places a subtree in the band starting at `left`; returns the x of its root. */
function place(node: TreeNode, left: number, y: number, nodes: PlacedContact[], edges: OrgEdge[]): number {
  const own = { contact: node.contact, x: left, y };
  nodes.push(own);
  const edge = (child: TreeNode, targetHandle: OrgEdge['targetHandle']) =>
    edges.push({
      id: `${node.contact.id}-${child.contact.id}`,
      source: String(node.contact.id),
      target: String(child.contact.id),
      targetHandle,
    });
  if (node.children.length === 0) return own.x;
  if (stacked(node)) {
    node.children.forEach((child, index) => {
      nodes.push({
        contact: child.contact,
        x: left + STACK_INDENT,
        y: y + (index + 1) * (NODE_HEIGHT + STACK_GAP),
      });
      edge(child, 'left');
    });
    return own.x;
  }
  const total = width(node);
  const childrenWidth =
    node.children.reduce((sum, child) => sum + width(child), 0) + GAP_X * (node.children.length - 1);
  let cursor = left + (total - childrenWidth) / 2;
  const xs: number[] = [];
  for (const child of node.children) {
    const childWidth = width(child);
    xs.push(place(child, cursor, y + NODE_HEIGHT + GAP_Y, nodes, edges));
    edge(child, 'top');
    cursor += childWidth + GAP_X;
  }
  own.x = ((xs[0] ?? left) + (xs.at(-1) ?? left)) / 2;
  return own.x;
}
