import { useCallback, useState } from 'react';
import type { SortKey } from './accounts.search';

export const COLUMN_KEYS = [
  'name',
  'id',
  'class',
  'tier',
  'segment',
  'region',
  'owner',
  'revenue',
  'margin',
  'marginPct',
  'growth',
  'share',
  'rank',
  'lastPurchase',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface ColumnDef {
  key: ColumnKey;
  /** Pixels; the name column takes what is left (at least its width). */
  width: number;
  sort?: SortKey;
  numeric?: boolean;
}

/** Fixed widths (table-layout: fixed): loading rows and scrolling never move a column. */
export const COLUMNS: Record<ColumnKey, ColumnDef> = {
  name: { key: 'name', width: 200, sort: 'name' },
  id: { key: 'id', width: 112, sort: 'id' },
  class: { key: 'class', width: 72 },
  tier: { key: 'tier', width: 136 },
  segment: { key: 'segment', width: 128 },
  region: { key: 'region', width: 112 },
  owner: { key: 'owner', width: 144 },
  revenue: { key: 'revenue', width: 120, sort: 'revenue', numeric: true },
  margin: { key: 'margin', width: 120, sort: 'margin', numeric: true },
  marginPct: { key: 'marginPct', width: 88, numeric: true },
  growth: { key: 'growth', width: 96, sort: 'growth', numeric: true },
  share: { key: 'share', width: 88, numeric: true },
  rank: { key: 'rank', width: 72, sort: 'rank', numeric: true },
  lastPurchase: { key: 'lastPurchase', width: 120 },
};

/** Fits 1280 px beside the navigation (1,008 px); the rest are a click away in the column menu. */
export const DEFAULT_COLUMNS: ColumnKey[] = [
  'name',
  'id',
  'class',
  'tier',
  'segment',
  'owner',
  'revenue',
  'growth',
];

export const STORAGE_KEY = 'kontor.accounts.columns';

/**
 * The remembered choice, in the table's order; the name always shows (it is the row's link). Unknown
 * keys (a column since removed) are dropped; nothing usable stored means the default.
 */
export function loadColumns(storage: Pick<Storage, 'getItem'> = localStorage): ColumnKey[] {
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (!Array.isArray(stored)) return DEFAULT_COLUMNS;
    return normalise(stored.filter((key): key is ColumnKey => COLUMN_KEYS.includes(key as ColumnKey)));
  } catch {
    return DEFAULT_COLUMNS;
  }
}

export function normalise(keys: ColumnKey[]): ColumnKey[] {
  const chosen = new Set<ColumnKey>(['name', ...keys]);
  return COLUMN_KEYS.filter((key) => chosen.has(key));
}

export function useColumnChoice() {
  const [columns, setColumns] = useState<ColumnKey[]>(() => loadColumns());
  const choose = useCallback((keys: ColumnKey[]) => {
    const next = normalise(keys);
    setColumns(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Private mode or a full storage: the choice holds for this visit.
    }
  }, []);
  return [columns, choose] as const;
}
