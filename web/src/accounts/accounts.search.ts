/**
 * The account list's view lives in the URL (search params), so a reload or a shared link shows the same
 * list. This module is loaded with the router (validateSearch), so it stays free of React and Mantine.
 */
export const SORTS = ['name', 'id', 'revenue', 'margin', 'growth', 'rank'] as const;
export type SortKey = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';
export const CLASSES = ['A', 'B', 'C'] as const;
export const TIERS = ['green', 'transactional'] as const;

export interface AccountsSearch {
  q?: string;
  sort?: SortKey;
  order?: Order;
  class?: (typeof CLASSES)[number];
  tier?: (typeof TIERS)[number];
  segment?: string;
  region?: string;
  owner?: string;
  /** Only the accounts whose team the logged-in user is on. */
  mine?: boolean;
}

export const DEFAULT_SORT: SortKey = 'rank';

/** Money and growth read best largest first; names, ids and ranks from the top. */
export const defaultOrder = (sort: SortKey): Order =>
  sort === 'revenue' || sort === 'margin' || sort === 'growth' ? 'desc' : 'asc';

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

const text = (value: unknown, max = 100): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};

/**
 * What the URL says, keeping only what makes sense: an edited or outdated link shows the list with the
 * parts it understands instead of an error. Defaults are left out, so the plain list has a plain URL.
 */
export function parseAccountsSearch(raw: Record<string, unknown>): AccountsSearch {
  const search: AccountsSearch = {};
  const q = text(raw.q);
  if (q) search.q = q;
  const sort = oneOf(SORTS, raw.sort);
  if (sort && sort !== DEFAULT_SORT) search.sort = sort;
  const order = oneOf(['asc', 'desc'] as const, raw.order);
  if (order && order !== defaultOrder(sort ?? DEFAULT_SORT)) search.order = order;
  const klass = oneOf(CLASSES, raw.class);
  if (klass) search.class = klass;
  const tier = oneOf(TIERS, raw.tier);
  if (tier) search.tier = tier;
  for (const key of ['segment', 'region', 'owner'] as const) {
    const value = text(raw[key], 200);
    if (value) search[key] = value;
  }
  if (raw.mine === true || raw.mine === 'true') search.mine = true;
  return search;
}

export const sortOf = (search: AccountsSearch): SortKey => search.sort ?? DEFAULT_SORT;
export const orderOf = (search: AccountsSearch): Order => search.order ?? defaultOrder(sortOf(search));

/** Clicking a column header: the same column flips its order, another starts at its natural order. */
export function sortBy(search: AccountsSearch, sort: SortKey): AccountsSearch {
  const order: Order =
    sortOf(search) === sort ? (orderOf(search) === 'asc' ? 'desc' : 'asc') : defaultOrder(sort);
  return parseAccountsSearch({ ...search, sort, order });
}

/** A filter set or cleared (undefined or empty clears it); the rest of the view stays. */
export function withFilter<K extends keyof AccountsSearch>(
  search: AccountsSearch,
  key: K,
  value: AccountsSearch[K] | null | undefined,
): AccountsSearch {
  const next: Record<string, unknown> = { ...search };
  if (value === undefined || value === null || value === '' || value === false) delete next[key];
  else next[key] = value;
  return parseAccountsSearch(next);
}

export const FILTER_KEYS = ['q', 'class', 'tier', 'segment', 'region', 'owner', 'mine'] as const;

export const hasFilters = (search: AccountsSearch) => FILTER_KEYS.some((key) => search[key] !== undefined);

/** Sort stays; every filter goes. */
export function clearFilters(search: AccountsSearch): AccountsSearch {
  return parseAccountsSearch({ sort: search.sort, order: search.order });
}

/** The list API's parameters for this view (GET /accounts and /accounts/export). */
export function toApiQuery(search: AccountsSearch): Record<string, string> {
  const query: Record<string, string> = { sort: sortOf(search), order: orderOf(search) };
  if (search.q) query.search = search.q;
  for (const key of ['class', 'tier', 'segment', 'region', 'owner'] as const) {
    const value = search[key];
    if (value) query[key] = value;
  }
  if (search.mine) query.member = 'me';
  return query;
}
