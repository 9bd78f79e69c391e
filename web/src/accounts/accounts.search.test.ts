import { describe, expect, it } from 'vitest';
import { clearFilters, parseAccountsSearch, sortBy, toApiQuery, withFilter } from './accounts.search';

describe('the account list view in the URL', () => {
  it('keeps what it understands from a link and leaves defaults out', () => {
    expect(
      parseAccountsSearch({
        q: '  Müller ',
        sort: 'revenue',
        order: 'desc',
        class: 'B',
        tier: 'platinum',
        segment: 'Retail',
        owner: '',
        mine: true,
        colour: 'red',
      }),
    ).toEqual({ q: 'Müller', sort: 'revenue', class: 'B', segment: 'Retail', mine: true });
    expect(parseAccountsSearch({ sort: 'rank', order: 'asc' })).toEqual({});
    expect(parseAccountsSearch({ sort: 'nonsense', order: 'sideways', mine: 'yes' })).toEqual({});
    // The router hands over numbers for numeric-looking values; a search for an id stays text.
    expect(parseAccountsSearch({ q: 10023, mine: 'true' })).toEqual({ q: '10023', mine: true });
    expect(parseAccountsSearch({ q: 'x'.repeat(300) }).q).toHaveLength(100);
  });

  it('sorts a new column in its natural order and flips the current one', () => {
    expect(sortBy({}, 'revenue')).toEqual({ sort: 'revenue' });
    expect(sortBy({ sort: 'revenue' }, 'revenue')).toEqual({ sort: 'revenue', order: 'asc' });
    expect(sortBy({ sort: 'revenue', order: 'asc' }, 'revenue')).toEqual({ sort: 'revenue' });
    expect(sortBy({ sort: 'revenue', q: 'ab' }, 'name')).toEqual({ sort: 'name', q: 'ab' });
    expect(sortBy({ sort: 'name' }, 'name')).toEqual({ sort: 'name', order: 'desc' });
    expect(sortBy({}, 'rank')).toEqual({ order: 'desc' });
  });

  it('sets and clears filters, keeping the sort', () => {
    const view = withFilter(withFilter({ sort: 'margin' }, 'class', 'A'), 'mine', true);
    expect(view).toEqual({ sort: 'margin', class: 'A', mine: true });
    expect(withFilter(view, 'class', null)).toEqual({ sort: 'margin', mine: true });
    expect(withFilter(view, 'mine', false)).toEqual({ sort: 'margin', class: 'A' });
    expect(withFilter(view, 'q', '')).toEqual(view);
    expect(clearFilters({ ...view, q: 'x', region: 'DACH', order: 'asc' })).toEqual({
      sort: 'margin',
      order: 'asc',
    });
  });

  it('asks the API for the same view', () => {
    expect(toApiQuery({})).toEqual({ sort: 'rank', order: 'asc' });
    expect(toApiQuery({ q: 'gmbh', sort: 'growth', tier: 'green', owner: 'Eva', mine: true })).toEqual({
      sort: 'growth',
      order: 'desc',
      search: 'gmbh',
      tier: 'green',
      owner: 'Eva',
      member: 'me',
    });
  });
});
