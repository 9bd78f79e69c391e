/** Where the demo company's customers are and who looks after them. */

export const REGIONS = ['DACH', 'Nordics', 'Poland', 'UK & Ireland', 'Benelux'] as const;
export type Region = (typeof REGIONS)[number];

export type CountryCode =
  | 'DE'
  | 'AT'
  | 'CH'
  | 'SE'
  | 'NO'
  | 'DK'
  | 'FI'
  | 'PL'
  | 'GB'
  | 'IE'
  | 'NL'
  | 'BE'
  | 'LU';

export interface Country {
  code: CountryCode;
  name: string;
  region: Region;
  /** Share of the customer base; the home market (Germany) is the largest. */
  share: number;
  cities: readonly string[];
}

export const COUNTRIES: readonly Country[] = [
  {
    code: 'DE',
    name: 'Germany',
    region: 'DACH',
    share: 30,
    cities: ['Augsburg', 'Bielefeld', 'Chemnitz', 'Dortmund', 'Düsseldorf', 'Göttingen', 'Köln', 'Lübeck'],
  },
  {
    code: 'AT',
    name: 'Austria',
    region: 'DACH',
    share: 6,
    cities: ['Wien', 'Graz', 'Linz', 'Wels', 'Klagenfurt'],
  },
  {
    code: 'CH',
    name: 'Switzerland',
    region: 'DACH',
    share: 4,
    cities: ['Zürich', 'Winterthur', 'St. Gallen'],
  },
  {
    code: 'SE',
    name: 'Sweden',
    region: 'Nordics',
    share: 11,
    cities: ['Göteborg', 'Malmö', 'Västerås', 'Jönköping', 'Örebro', 'Norrköping', 'Umeå'],
  },
  {
    code: 'NO',
    name: 'Norway',
    region: 'Nordics',
    share: 5,
    cities: ['Oslo', 'Bergen', 'Trondheim', 'Drammen'],
  },
  {
    code: 'DK',
    name: 'Denmark',
    region: 'Nordics',
    share: 5,
    cities: ['Aarhus', 'Odense', 'Aalborg', 'Køge'],
  },
  {
    code: 'FI',
    name: 'Finland',
    region: 'Nordics',
    share: 4,
    cities: ['Tampere', 'Turku', 'Oulu', 'Jyväskylä'],
  },
  {
    code: 'PL',
    name: 'Poland',
    region: 'Poland',
    share: 13,
    cities: ['Łódź', 'Wrocław', 'Poznań', 'Gdańsk', 'Kraków', 'Katowice', 'Bydgoszcz', 'Rzeszów'],
  },
  {
    code: 'GB',
    name: 'United Kingdom',
    region: 'UK & Ireland',
    share: 9,
    cities: ['Sheffield', 'Leeds', 'Birmingham', 'Bristol', 'Glasgow', 'Coventry'],
  },
  {
    code: 'IE',
    name: 'Ireland',
    region: 'UK & Ireland',
    share: 2,
    cities: ['Cork', 'Dublin', 'Limerick', 'Galway'],
  },
  {
    code: 'NL',
    name: 'Netherlands',
    region: 'Benelux',
    share: 6,
    cities: ['Eindhoven', 'Utrecht', 'Rotterdam', 'Tilburg', 'Zwolle'],
  },
  {
    code: 'BE',
    name: 'Belgium',
    region: 'Benelux',
    share: 4,
    cities: ['Antwerpen', 'Gent', 'Liège', 'Charleroi'],
  },
  { code: 'LU', name: 'Luxembourg', region: 'Benelux', share: 1, cities: ['Esch-sur-Alzette', 'Luxembourg'] },
];

/** Field sales, one small team per region; names follow the region so the demo reads naturally. */
export const ACCOUNT_MANAGERS: Readonly<Record<Region, readonly string[]>> = {
  DACH: ['Katrin Vogel', 'Jörg Baumgärtner', 'Sabine Kühn', 'Matthias Oberhuber'],
  Nordics: ['Linnea Åkesson', 'Henrik Sørensen', 'Mikko Heikkilä'],
  Poland: ['Agnieszka Wójcik', 'Paweł Zieliński'],
  'UK & Ireland': ['Fiona McAllister', 'James Whitfield'],
  Benelux: ['Pieter van Dijk', 'Sophie Lambrecht'],
};

/** The largest accounts are run centrally by key account management, whatever their region. */
export const KEY_ACCOUNT_MANAGERS: readonly string[] = ['Thomas Brenner', 'Ingrid Halvorsen'];
