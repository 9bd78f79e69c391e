import { describe, expect, it } from 'vitest';
import { historyChanges } from './history.diff';

const account = {
  id: 'K1',
  name: 'Anker GmbH',
  segment: 'Industry',
  region: 'DACH',
  owner: 'Eva',
  attributes: {},
  editedFields: [] as string[],
  manualClass: null as null | Record<string, unknown>,
  manualTier: null as null | Record<string, unknown>,
  wallet: null as string | null,
  version: 1,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

describe('historyChanges', () => {
  it('lists only the fields that changed, each with before and after, without bookkeeping', () => {
    const after = {
      ...account,
      name: 'Anker Group',
      region: 'Nordics',
      editedFields: ['name', 'region'],
      version: 2,
      updatedAt: '2024-02-01T00:00:00.000Z',
    };
    expect(historyChanges(account, after)).toEqual([
      { field: 'name', before: 'Anker GmbH', after: 'Anker Group' },
      { field: 'region', before: 'DACH', after: 'Nordics' },
    ]);
  });

  it('turns a class set by hand into readable rows, and taking it back into rows that empty', () => {
    const manual = {
      ...account,
      version: 2,
      manualClass: { class: 'A', reason: 'market access', by: 'eva@example.com', at: '2024-02-01' },
    };
    expect(historyChanges(account, manual)).toEqual([
      { field: 'manualClass.class', before: null, after: 'A' },
      { field: 'manualClass.reason', before: null, after: 'market access' },
    ]);
    expect(historyChanges(manual, { ...account, version: 3 })).toEqual([
      { field: 'manualClass.class', before: 'A', after: null },
      { field: 'manualClass.reason', before: 'market access', after: null },
    ]);
  });

  it('puts known fields first and unknown ones after, by name, and handles a created or deleted record', () => {
    const after = { ...account, wallet: '250000', attributes: { zeta: 1, alpha: 'x' }, name: 'New' };
    expect(historyChanges(account, after).map((change) => change.field)).toEqual([
      'name',
      'wallet',
      'attributes.alpha',
      'attributes.zeta',
    ]);
    expect(historyChanges(null, { name: 'Fresh', version: 1 })).toEqual([
      { field: 'name', before: null, after: 'Fresh' },
    ]);
    expect(historyChanges({ name: 'Gone' }, null)).toEqual([{ field: 'name', before: 'Gone', after: null }]);
  });
});
