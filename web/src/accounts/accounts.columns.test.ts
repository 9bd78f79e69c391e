import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, loadColumns, normalise, STORAGE_KEY } from './accounts.columns';

const storage = (value: string | null) => ({
  getItem: (key: string) => (key === STORAGE_KEY ? value : null),
});

describe('the columns a user chose', () => {
  it('reads the remembered choice in table order, always with the name', () => {
    expect(loadColumns(storage('["revenue","id","margin"]'))).toEqual(['name', 'id', 'revenue', 'margin']);
    expect(loadColumns(storage('["name","tier"]'))).toEqual(['name', 'tier']);
  });

  it('falls back to the default for nothing, garbage or columns that no longer exist', () => {
    expect(loadColumns(storage(null))).toEqual(DEFAULT_COLUMNS);
    expect(loadColumns(storage('{not json'))).toEqual(DEFAULT_COLUMNS);
    expect(loadColumns(storage('{"revenue":true}'))).toEqual(DEFAULT_COLUMNS);
    expect(loadColumns(storage('["colour","revenue"]'))).toEqual(['name', 'revenue']);
  });

  it('puts any choice in the table order without duplicates', () => {
    expect(normalise(['growth', 'class', 'growth'])).toEqual(['name', 'class', 'growth']);
    expect(DEFAULT_COLUMNS[0]).toBe('name');
  });
});
