import { describe, expect, it } from 'vitest';
import {
  compactHeader,
  FIELD_SYNONYMS,
  FIELDS,
  type Field,
  normalizeHeader,
  recognizeHeaders,
} from '../../src/import/detect/index.js';

const SUPERSTORE =
  'Row ID,Order ID,Order Date,Ship Date,Ship Mode,Customer ID,Customer Name,Segment,Country,City,State,Postal Code,Region,Product ID,Category,Sub-Category,Product Name,Sales,Quantity,Discount,Profit'.split(
    ',',
  );

/** The mapping as field → header name, which reads better in expectations. */
function mapped(headers: string[]): Partial<Record<Field, string>> {
  const { mapping } = recognizeHeaders(headers);
  return Object.fromEntries(
    Object.entries(mapping).map(([field, index]) => [field, headers[index as number]]),
  );
}

describe('normalizeHeader', () => {
  it.each([
    ['Kunden-Nr.', 'kunden nr'],
    ['CustomerID', 'customer id'],
    ['customer_id', 'customer id'],
    ['Ilość', 'ilosc'],
    ['á-pris', 'a pris'],
    ['Außendienst', 'aussendienst'],
    ['Amount (EUR)', 'amount'],
    ['(EUR)', 'eur'],
    ['  Marża  ', 'marza'],
  ])('%j → %j', (header, normalized) => {
    expect(normalizeHeader(header)).toBe(normalized);
  });
});

describe('recognizeHeaders', () => {
  it('maps the Superstore header to the best columns', () => {
    expect(mapped(SUPERSTORE)).toEqual({
      document: 'Order ID',
      date: 'Order Date',
      customer_id: 'Customer ID',
      customer_name: 'Customer Name',
      segment: 'Segment',
      region: 'Region',
      product: 'Product ID',
      amount: 'Sales',
      quantity: 'Quantity',
      margin: 'Profit',
    });
  });

  it('maps the CDNOW header', () => {
    const { mapping, matched } = recognizeHeaders(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(mapping).toEqual({ customer_id: 0, date: 1, quantity: 2, amount: 3 });
    expect(matched[0]).toEqual({ field: 'customer_id', header: 'customer_id', index: 0, via: 'synonym' });
  });

  it('reads English exports', () => {
    const headers = ['Account', 'Name', 'Invoice Date', 'Invoice No', 'Line', 'Item', 'Qty', 'Unit Price'];
    expect(
      mapped([
        ...headers,
        'Net amount',
        'Cost',
        'Gross margin',
        'Currency',
        'Industry',
        'Territory',
        'Sales rep',
      ]),
    ).toEqual({
      customer_id: 'Account',
      customer_name: 'Name',
      date: 'Invoice Date',
      document: 'Invoice No',
      line: 'Line',
      product: 'Item',
      quantity: 'Qty',
      unit_price: 'Unit Price',
      amount: 'Net amount',
      cost: 'Cost',
      margin: 'Gross margin',
      currency: 'Currency',
      segment: 'Industry',
      region: 'Territory',
      owner: 'Sales rep',
    });
  });

  it('reads German exports', () => {
    const headers = [
      'Kunden-Nr.',
      'Kundenname',
      'Rechnungsdatum',
      'Belegnummer',
      'Pos.',
      'Artikelnummer',
      'Menge',
    ];
    expect(
      mapped([
        ...headers,
        'Einzelpreis',
        'Nettobetrag',
        'Einstandspreis',
        'DB',
        'Währung',
        'Branche',
        'Vertriebsgebiet',
        'Außendienst',
      ]),
    ).toEqual({
      customer_id: 'Kunden-Nr.',
      customer_name: 'Kundenname',
      date: 'Rechnungsdatum',
      document: 'Belegnummer',
      line: 'Pos.',
      product: 'Artikelnummer',
      quantity: 'Menge',
      unit_price: 'Einzelpreis',
      amount: 'Nettobetrag',
      cost: 'Einstandspreis',
      margin: 'DB',
      currency: 'Währung',
      segment: 'Branche',
      region: 'Vertriebsgebiet',
      owner: 'Außendienst',
    });
    expect(mapped(['Debitor', 'Belegdatum', 'Umsatz', 'Deckungsbeitrag', 'Betreuer', 'Gebiet'])).toEqual({
      customer_id: 'Debitor',
      date: 'Belegdatum',
      amount: 'Umsatz',
      margin: 'Deckungsbeitrag',
      owner: 'Betreuer',
      region: 'Gebiet',
    });
  });

  it('reads Swedish exports', () => {
    const headers = [
      'kundnummer',
      'kundnamn',
      'fakturadatum',
      'fakturanummer',
      'rad',
      'artikel',
      'antal',
      'á-pris',
    ];
    expect(
      mapped([...headers, 'belopp', 'kostnad', 'täckningsbidrag', 'valuta', 'segment', 'region', 'säljare']),
    ).toEqual({
      customer_id: 'kundnummer',
      customer_name: 'kundnamn',
      date: 'fakturadatum',
      document: 'fakturanummer',
      line: 'rad',
      product: 'artikel',
      quantity: 'antal',
      unit_price: 'á-pris',
      amount: 'belopp',
      cost: 'kostnad',
      margin: 'täckningsbidrag',
      currency: 'valuta',
      segment: 'segment',
      region: 'region',
      owner: 'säljare',
    });
    expect(mapped(['kund', 'datum', 'försäljning', 'marginal', 'ansvarig'])).toEqual({
      customer_id: 'kund',
      date: 'datum',
      amount: 'försäljning',
      margin: 'marginal',
      owner: 'ansvarig',
    });
  });

  it('reads Polish exports', () => {
    const headers = [
      'Nr klienta',
      'Nazwa klienta',
      'Data faktury',
      'Numer faktury',
      'Pozycja',
      'Towar',
      'Ilość',
    ];
    expect(
      mapped([...headers, 'Cena jednostkowa', 'Wartość netto', 'Koszt', 'Marża', 'Waluta', 'Opiekun']),
    ).toEqual({
      customer_id: 'Nr klienta',
      customer_name: 'Nazwa klienta',
      date: 'Data faktury',
      document: 'Numer faktury',
      line: 'Pozycja',
      product: 'Towar',
      quantity: 'Ilość',
      unit_price: 'Cena jednostkowa',
      amount: 'Wartość netto',
      cost: 'Koszt',
      margin: 'Marża',
      currency: 'Waluta',
      owner: 'Opiekun',
    });
    expect(mapped(['Kontrahent', 'Data sprzedaży', 'Kwota', 'Zysk', 'Handlowiec'])).toEqual({
      customer_id: 'Kontrahent',
      date: 'Data sprzedaży',
      amount: 'Kwota',
      margin: 'Zysk',
      owner: 'Handlowiec',
    });
  });

  it('uses a generic customer column as the name when an id column exists', () => {
    expect(mapped(['Kunde', 'Kundennummer', 'Datum', 'Betrag'])).toEqual({
      customer_id: 'Kundennummer',
      customer_name: 'Kunde',
      date: 'Datum',
      amount: 'Betrag',
    });
  });

  it('falls back to telling words but not to look-alikes', () => {
    const { mapping, matched } = recognizeHeaders([
      'Cust',
      'Lieferdatum',
      'Posting Day',
      'Bruttoumsatz',
      'Tax Amount',
    ]);
    expect(mapping).toEqual({ amount: 3 });
    expect(matched).toEqual([{ field: 'amount', header: 'Bruttoumsatz', index: 3, via: 'keyword' }]);
    expect(mapped(['Cost Center', 'Profit Center', 'Gross Sales', 'Created Date'])).toEqual({
      amount: 'Gross Sales',
      date: 'Created Date',
    });
  });

  it('never gives one normalised synonym to two fields as primary', () => {
    const owners = new Map<string, Field>();
    for (const field of FIELDS) {
      for (const synonym of FIELD_SYNONYMS[field].primary) {
        const key = compactHeader(synonym);
        const owner = owners.get(key);
        if (owner && owner !== field) throw new Error(`"${synonym}" is primary for ${owner} and ${field}`);
        owners.set(key, field);
      }
    }
  });
});
