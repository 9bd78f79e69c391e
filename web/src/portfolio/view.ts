import type { Query } from '../api/client';

/** What the dashboard shows: a window, the value that ranks customers and the account filters. */
export interface PortfolioView {
  /** default: the settings' months ending at the latest sale (METHOD P1); all: the whole history. */
  window: 'default' | 'all' | 'custom';
  from?: string;
  to?: string;
  by: 'revenue' | 'margin';
  segment?: string;
  region?: string;
  owner?: string;
}

export const FILTERS = ['segment', 'region', 'owner'] as const;
export type FilterKey = (typeof FILTERS)[number];

export const DEFAULT_VIEW: PortfolioView = { window: 'default', by: 'revenue' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Words typed into the URL by hand are read leniently: anything unusable is simply left out. */
function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= 200 ? trimmed : undefined;
}

/** The view from the URL's search parameters (the router has parsed them, so values may be non-strings). */
export function parseView(search: Record<string, unknown>): PortfolioView {
  const view: PortfolioView = { window: 'default', by: search.by === 'margin' ? 'margin' : 'revenue' };
  const from = isIsoDate(search.from) ? search.from : undefined;
  const to = isIsoDate(search.to) ? search.to : undefined;
  if (search.all === true || search.all === 'true') view.window = 'all';
  else if (from || to) {
    view.window = 'custom';
    if (from) view.from = from;
    if (to) view.to = to;
    // A reversed window in a hand-made URL would be refused by the server; swap it instead.
    if (from && to && from > to) [view.from, view.to] = [to, from];
  }
  for (const key of FILTERS) {
    const value = text(search[key]);
    if (value) view[key] = value;
  }
  return view;
}

/** The URL's search parameters for a view; defaults are left out so the plain URL means the default. */
export function toSearch(view: PortfolioView): Record<string, string | boolean> {
  const search: Record<string, string | boolean> = {};
  if (view.window === 'all') search.all = true;
  if (view.window === 'custom') {
    if (view.from) search.from = view.from;
    if (view.to) search.to = view.to;
  }
  if (view.by === 'margin') search.by = 'margin';
  for (const key of FILTERS) if (view[key]) search[key] = view[key] as string;
  return search;
}

/** GET /portfolio/analysis parameters for a view. */
export function toAnalysisQuery(view: PortfolioView): Query {
  return {
    by: view.by,
    all: view.window === 'all' ? 'true' : undefined,
    from: view.window === 'custom' ? view.from : undefined,
    to: view.window === 'custom' ? view.to : undefined,
    segment: view.segment,
    region: view.region,
    owner: view.owner,
  };
}

export function hasFilters(view: PortfolioView): boolean {
  return FILTERS.some((key) => view[key] !== undefined);
}

export function withoutFilters(view: PortfolioView): PortfolioView {
  const { segment: _s, region: _r, owner: _o, ...rest } = view;
  return rest;
}
