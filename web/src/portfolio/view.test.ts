import { describe, expect, it } from 'vitest';
import { parseView, toAnalysisQuery, toSearch, withoutFilters } from './view';

describe('the dashboard view in the URL', () => {
  it('means the default period by revenue when the URL says nothing', () => {
    expect(parseView({})).toEqual({ window: 'default', by: 'revenue' });
    expect(toSearch(parseView({}))).toEqual({});
  });

  it('reads back what it writes', () => {
    const views = [
      { window: 'all', by: 'margin', region: 'DACH' },
      { window: 'custom', from: '2024-01-01', to: '2024-06-30', by: 'revenue', owner: 'Jana Nowak' },
      { window: 'custom', to: '2024-06-30', by: 'revenue', segment: 'Food & Beverage' },
    ] as const;
    for (const view of views) expect(parseView(toSearch(view))).toEqual(view);
  });

  it('ignores what a hand-edited URL gets wrong, and swaps a reversed period', () => {
    expect(parseView({ by: 'volume', from: '2024-02-30', segment: '  ', region: 42 })).toEqual({
      window: 'default',
      by: 'revenue',
      region: '42',
    });
    expect(parseView({ from: '2024-12-31', to: '2024-01-01' })).toMatchObject({
      window: 'custom',
      from: '2024-01-01',
      to: '2024-12-31',
    });
    // "all" wins over dates, as the server refuses both at once.
    expect(parseView({ all: 'true', from: '2024-01-01' })).toEqual({ window: 'all', by: 'revenue' });
  });

  it('asks the server for exactly the view', () => {
    const view = parseView({ from: '2024-01-01', by: 'margin', owner: 'Jana Nowak' });
    expect(toAnalysisQuery(view)).toEqual({
      by: 'margin',
      all: undefined,
      from: '2024-01-01',
      to: undefined,
      segment: undefined,
      region: undefined,
      owner: 'Jana Nowak',
    });
    expect(toAnalysisQuery({ window: 'all', by: 'revenue' })).toMatchObject({ all: 'true', from: undefined });
    expect(withoutFilters({ ...view, segment: 'Retail' })).toEqual({
      window: 'custom',
      from: '2024-01-01',
      by: 'margin',
    });
  });
});
