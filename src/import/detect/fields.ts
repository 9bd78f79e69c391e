export const FIELDS = [
  'customer_id',
  'customer_name',
  'date',
  'amount',
  'quantity',
  'unit_price',
  'cost',
  'margin',
  'product',
  'document',
  'line',
  'currency',
  'segment',
  'region',
  'owner',
] as const;
export type Field = (typeof FIELDS)[number];

export const isField = (name: string): name is Field => (FIELDS as readonly string[]).includes(name);

/**
 * Header names per field in English, German, Swedish and Polish, compared after
 * normalisation (see normalizeHeader). `primary` lists are ordered best first:
 * when a file has several matching columns the earliest synonym wins. `fallback`
 * holds generic names that only count when no primary synonym is present
 * (a lone "Customer" column is the id; next to "Customer ID" it is the name).
 * As a last resort, `keywords` match the last word or a compound ending
 * ("Gross Sales", "Bruttoumsatz") and `leadingKeywords` the first word, as Polish
 * puts the noun first ("kwota brutto"). English first words are not used: "Cost
 * Center" and "Profit Center" are not costs or margins.
 */
export interface FieldSynonyms {
  primary: readonly string[];
  fallback?: readonly string[];
  keywords?: readonly string[];
  leadingKeywords?: readonly string[];
}

// Synonym lists are written as comma-separated text to keep one language per line.
const words = (list: string): readonly string[] =>
  list
    .split(/,|\n/)
    .map((word) => word.trim())
    .filter((word) => word !== '');

export const FIELD_SYNONYMS: Record<Field, FieldSynonyms> = {
  customer_id: {
    primary: words(`
      customer_id, customer no, customer number, customer code, customer, cust id, client id
      client no, account id, account number, account no, account, client, Kundennummer, Kunden-Nr.
      Kunde, Debitorennummer, Debitor-Nr., Debitor, kundnummer, kundnr, kund-id, kund, nr klienta
      id klienta, kod klienta, numer klienta, klient, kod kontrahenta, kontrahent
    `),
  },
  customer_name: {
    primary: words(`
      customer name, client name, account name, company name, company, Kundenname
      Kundenbezeichnung, Firmenname, Firma, Name, kundnamn, företag, företagsnamn, namn
      nazwa klienta, nazwa kontrahenta, nazwa firmy, nazwa
    `),
    fallback: words('customer, client, account, Kunde, Debitor, kund, klient, kontrahent'),
  },
  date: {
    primary: words(`
      invoice date, order date, date, transaction date, sales date, posting date, document date
      Rechnungsdatum, Belegdatum, Auftragsdatum, Buchungsdatum, Datum, fakturadatum, orderdatum
      datum, data faktury, data sprzedaży, data wystawienia, data dokumentu, data
    `),
    keywords: words('date, datum'),
    leadingKeywords: words('data'),
  },
  amount: {
    primary: words(`
      net amount, net sales, sales, revenue, net revenue, sales amount, amount, turnover
      dollar_value, Nettoumsatz, Nettobetrag, Umsatz, Betrag, Netto, nettobelopp, försäljning
      omsättning, belopp, summa, wartość netto, kwota netto, sprzedaż, sprzedaż netto, kwota
      wartość
    `),
    fallback: words('value, total, Wert, värde, wartosc brutto'),
    keywords: words('amount, sales, revenue, umsatz, betrag, belopp'),
    leadingKeywords: words('kwota, wartosc, sprzedaz'),
  },
  quantity: {
    primary: words(`
      quantity, qty, units, number_of_cds, Menge, Anzahl, Stückzahl, antal, kvantitet, ilość
      liczba
    `),
    keywords: words('quantity, qty, menge, anzahl, antal'),
    leadingKeywords: words('ilosc'),
  },
  unit_price: {
    primary: words(`
      unit price, price, sales price, Einzelpreis, Stückpreis, Verkaufspreis, Preis, á-pris
      styckpris, pris, cena jednostkowa, cena netto, cena
    `),
    keywords: words('price, preis'),
    leadingKeywords: words('cena'),
  },
  cost: {
    primary: words(`
      cost, costs, cogs, cost of goods sold, total cost, Einstandspreis, Wareneinsatz, Kosten
      Einkaufspreis, kostnad, inköpspris, koszt, koszt własny, koszty
    `),
    keywords: words('cost, kosten, kostnad'),
    leadingKeywords: words('koszt'),
  },
  margin: {
    primary: words(`
      margin, gross margin, profit, gross profit, Deckungsbeitrag, DB, DB1, Rohertrag, Marge
      täckningsbidrag, TB, marginal, bruttovinst, marża, zysk, zysk brutto
    `),
    keywords: words('margin, profit, marge'),
    leadingKeywords: words('marza, zysk'),
  },
  product: {
    primary: words(`
      product, product id, product no, product code, item, item no, item number, sku, material
      Artikelnummer, Artikel-Nr., Artikel, artikelnr, produkt, towar, kod towaru, indeks
      produkt id
    `),
    fallback: words('product name, item name, Artikelbezeichnung, nazwa towaru'),
  },
  document: {
    primary: words(`
      document, document no, document number, invoice no, invoice number, invoice id, invoice
      order id, order no, order number, Rechnungsnummer, Rechnungs-Nr., Belegnummer, Beleg-Nr.
      Beleg, Auftragsnummer, fakturanummer, fakturanr, ordernummer, numer faktury, nr faktury
      numer dokumentu, nr dokumentu, faktura, dokument
    `),
  },
  line: {
    primary: words(`
      line, line no, line number, position, pos, Positionsnummer, Pos.-Nr., rad, radnummer
      pozycja, nr pozycji
    `),
  },
  currency: {
    primary: words('currency, currency code, curr, Währung, valuta, waluta'),
    keywords: words('currency, wahrung, valuta'),
    leadingKeywords: words('waluta'),
  },
  segment: {
    primary: words(`
      segment, customer segment, industry, Branche, Kundengruppe, bransch, branża
    `),
  },
  region: {
    primary: words(`
      region, sales region, territory, Gebiet, Vertriebsgebiet, Verkaufsgebiet, område, obszar
    `),
    keywords: words('region, gebiet, territory'),
  },
  owner: {
    primary: words(`
      owner, account owner, sales rep, sales representative, salesperson, account manager
      key account manager, kam, Außendienst, Außendienstmitarbeiter, Kundenbetreuer, Betreuer
      Vertreter, Verkäufer, säljare, kundansvarig, ansvarig, opiekun, opiekun klienta, handlowiec
      przedstawiciel handlowy
    `),
  },
};

// Words that turn a keyword match into a different concept ("Tax amount", "Ship date",
// "Momsbelopp"): whole words, and stems that may sit inside German/Swedish compounds.
export const KEYWORD_VETO_WORDS = words('tax, vat, mwst, ust, ship, due, discount, frakt');
export const KEYWORD_VETO_STEMS = words(`
  steuer, moms, skatt, podatek, rabat, fracht, liefer, versand, shipping, freight, delivery
  leverans, dostaw
`);
