import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../api/types';
import {
  assignField,
  canChoose,
  draftFromPreview,
  type MappingDraft,
  mapPairs,
  missingFields,
  resetDraft,
  sameHeaders,
} from './mapping';

const headers = ['Kd.-Nr.', 'Firma', 'Datum', 'Netto', 'Notiz'];
const preview = {
  headers,
  recognized: { customer_name: 1, date: 2, amount: 3 },
  mapping: [
    { field: 'customer_name', column: 1, header: 'Firma', via: 'synonym' },
    { field: 'date', column: 2, header: 'Datum', via: 'synonym' },
    { field: 'amount', column: 3, header: 'Netto', via: 'synonym' },
  ],
} as unknown as ImportPreview;

describe('the mapping editor state', () => {
  it('starts from the mapping the server reports and sends nothing while it is unchanged', () => {
    const draft = draftFromPreview(preview);
    expect(draft.columns).toEqual([null, 'customer_name', 'date', 'amount', null]);
    expect(mapPairs(draft)).toEqual([]);
    expect(missingFields(draft)).toEqual(['customer_id']);
  });

  it('moves a field from the column that had it, and sends each change as field=Header', () => {
    let draft: MappingDraft = draftFromPreview(preview);
    draft = assignField(draft, 0, 'customer_id');
    draft = assignField(draft, 4, 'amount');
    expect(draft.columns).toEqual(['customer_id', 'customer_name', 'date', null, 'amount']);
    expect(mapPairs(draft)).toEqual(['customer_id=Kd.-Nr.', 'amount=Notiz']);
    expect(missingFields(draft)).toEqual([]);
  });

  it('sends field= for a recognised field taken away, and nothing once it is back', () => {
    const draft = assignField(draftFromPreview(preview), 1, null);
    expect(mapPairs(draft)).toEqual(['customer_name=']);
    expect(mapPairs(resetDraft(draft))).toEqual([]);
    // A column given a field another column had by recognition: both are said explicitly.
    const swapped = assignField(draftFromPreview(preview), 1, 'customer_id');
    expect(mapPairs(swapped)).toEqual(['customer_id=Firma', 'customer_name=']);
  });

  it('accepts quantity and unit price instead of an amount', () => {
    let draft = assignField(draftFromPreview(preview), 3, null);
    expect(missingFields(draft)).toEqual(['customer_id', 'amount']);
    draft = assignField(assignField(draft, 3, 'quantity'), 4, 'unit_price');
    expect(missingFields(draft)).toEqual(['customer_id']);
  });

  it('knows when a preview brings other headers, and which columns cannot be named', () => {
    const draft = draftFromPreview(preview);
    expect(sameHeaders(draft, preview)).toBe(true);
    expect(sameHeaders(null, preview)).toBe(false);
    expect(sameHeaders(draft, { ...preview, headers: ['Kd.-Nr.', 'Firma'] })).toBe(false);
    expect(canChoose(['A', 'B', 'a', ''], 0)).toBe(true);
    expect(canChoose(['A', 'B', 'a', ''], 2)).toBe(false);
    expect(canChoose(['A', 'B', 'a', ''], 3)).toBe(false);
  });
});
