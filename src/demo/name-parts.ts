/**
 * Word lists for fictional customer names. Common surnames and generic trade words are combined so the
 * names look like real regional firms without belonging to any well-known company.
 */
import type { CountryCode } from './geography.js';
import type { Segment } from './segments.js';

export type NameLanguage = 'de' | 'sv' | 'no' | 'da' | 'fi' | 'pl' | 'en' | 'nl' | 'fr';

export interface LanguageNaming {
  /** Trade words per segment; they must read well after a surname and after a place. */
  trades: Readonly<Record<Segment, readonly string[]>>;
  /** Templates with {surname}, {surname2}, {place}, {trade}, {brand}; repeated entries are more likely. */
  patterns: readonly string[];
  brands?: readonly string[];
}

export interface CountryNaming {
  languages: readonly NameLanguage[];
  surnames: readonly string[];
  /** Regional words per language that precede (in French: follow) the trade word. */
  places: Partial<Record<NameLanguage, readonly string[]>>;
  /** Per language; repeated entries are more likely. */
  legalForms: Partial<Record<NameLanguage, readonly string[]>>;
}

export const LANGUAGES: Readonly<Record<NameLanguage, LanguageNaming>> = {
  de: {
    trades: {
      Automotive: ['Fahrzeugtechnik', 'Präzisionsteile', 'Karosseriebau', 'Zulieferteile'],
      Machinery: ['Maschinenbau', 'Antriebstechnik', 'Fördertechnik', 'Anlagenbau', 'Metallbau'],
      'Food & Beverage': ['Lebensmittelwerke', 'Fleischwaren', 'Molkerei', 'Getränke', 'Backwaren'],
      Construction: ['Bau', 'Hoch- und Tiefbau', 'Baustoffe', 'Stahlbau'],
      Energy: ['Energietechnik', 'Kraftwerkstechnik', 'Netzservice', 'Windkraft'],
      Retail: ['Werkzeughandel', 'Technischer Handel', 'Baufachmarkt', 'Industriebedarf'],
      Healthcare: ['Medizintechnik', 'Klinikbedarf', 'Labortechnik', 'Pharma'],
    },
    patterns: [
      '{surname} {trade}',
      '{surname} {trade}',
      '{surname} {trade}',
      '{place} {trade}',
      '{place} {trade}',
      'Gebr. {surname}',
      '{surname} & Söhne',
      '{surname} & {surname2}',
    ],
  },
  sv: {
    trades: {
      Automotive: ['Fordonsteknik', 'Fordonskomponenter'],
      Machinery: ['Mekaniska Verkstad', 'Maskin', 'Verktyg', 'Industriteknik'],
      'Food & Beverage': ['Livsmedel', 'Bageri', 'Mejeri', 'Chark'],
      Construction: ['Bygg', 'Entreprenad', 'Byggmaterial'],
      Energy: ['Energi', 'Kraft', 'Elteknik'],
      Retail: ['Järnhandel', 'Verktygshandel', 'Byggvaror'],
      Healthcare: ['Medicinteknik', 'Vårdprodukter', 'Labbutrustning'],
    },
    patterns: [
      '{surname} {trade}',
      '{surname} {trade}',
      '{surname}s {trade}',
      '{place} {trade}',
      '{surname} & Söner',
    ],
  },
  no: {
    trades: {
      Automotive: ['Bildeler', 'Kjøretøyteknikk'],
      Machinery: ['Mekaniske Verksted', 'Maskin', 'Industriservice'],
      'Food & Beverage': ['Næringsmiddel', 'Fiskeindustri', 'Bakeri', 'Meieri'],
      Construction: ['Bygg', 'Entreprenør', 'Anlegg'],
      Energy: ['Energi', 'Kraft', 'Elektro'],
      Retail: ['Jernvare', 'Byggvare'],
      Healthcare: ['Medisinsk', 'Helseprodukter'],
    },
    patterns: ['{surname} {trade}', '{surname} {trade}', '{place} {trade}', '{surname} & Sønner'],
  },
  da: {
    trades: {
      Automotive: ['Autodele', 'Køretøjsteknik'],
      Machinery: ['Maskinfabrik', 'Industriteknik', 'Smedie'],
      'Food & Beverage': ['Fødevarer', 'Slagteri', 'Mejeri', 'Bryggeri'],
      Construction: ['Byg', 'Entreprise', 'Beton'],
      Energy: ['Energi', 'Vindteknik', 'El-service'],
      Retail: ['Jernhandel', 'Byggemarked'],
      Healthcare: ['Medico', 'Laboratorieudstyr'],
    },
    patterns: ['{surname} {trade}', '{surname} {trade}', '{place} {trade}', '{surname} & Sønner'],
  },
  fi: {
    trades: {
      Automotive: ['Autotekniikka', 'Ajoneuvo'],
      Machinery: ['Konepaja', 'Metalli', 'Teollisuuspalvelu'],
      'Food & Beverage': ['Elintarvike', 'Leipomo', 'Meijeri'],
      Construction: ['Rakennus', 'Betoni', 'Urakointi'],
      Energy: ['Energia', 'Sähkö', 'Voima'],
      Retail: ['Rautakauppa', 'Työkalu'],
      Healthcare: ['Lääketekniikka', 'Terveystuote'],
    },
    patterns: ['{surname} {trade}', '{place} {trade}', '{place} {trade}'],
  },
  pl: {
    trades: {
      Automotive: ['Zakłady Motoryzacyjne', 'Części Samochodowe'],
      Machinery: ['Zakłady Metalowe', 'Zakłady Mechaniczne', 'Przedsiębiorstwo Maszynowe'],
      'Food & Beverage': ['Zakłady Mięsne', 'Zakłady Mleczarskie', 'Przetwórstwo Spożywcze'],
      Construction: ['Przedsiębiorstwo Budowlane', 'Zakłady Prefabrykacji'],
      Energy: ['Przedsiębiorstwo Energetyczne', 'Zakłady Energetyczne'],
      Retail: ['Hurtownie Techniczne', 'Centrum Handlowe'],
      Healthcare: ['Zakłady Farmaceutyczne', 'Centrum Medyczne'],
    },
    patterns: [
      '{place} {trade}',
      '{place} {trade}',
      '{trade} {surname}',
      'P.H.U. "{brand}" {surname}',
      'Przedsiębiorstwo Handlowe "{brand}"',
    ],
    brands: [
      'Sokół',
      'Metalex',
      'Żuraw',
      'Stalmet',
      'Polbud',
      'Gród',
      'Dąbex',
      'Elmet',
      'Orlex',
      'Tarbud',
      'Wisłomet',
    ],
  },
  en: {
    trades: {
      Automotive: ['Automotive Components', 'Vehicle Systems'],
      Machinery: ['Engineering', 'Precision Engineering', 'Fabrications', 'Machine Tools'],
      'Food & Beverage': ['Foods', 'Food Products', 'Dairies', 'Brewery'],
      Construction: ['Construction', 'Building Supplies', 'Civil Engineering'],
      Energy: ['Energy Services', 'Power Systems', 'Renewables'],
      Retail: ['Trade Supplies', 'Tool Centre', 'Hardware'],
      Healthcare: ['Medical', 'Healthcare Supplies', 'Laboratories'],
    },
    patterns: [
      '{surname} {trade}',
      '{surname} {trade}',
      '{place} {trade}',
      '{surname}, {surname2} & Co.',
      '{surname} & Sons',
    ],
  },
  nl: {
    trades: {
      Automotive: ['Autotechniek', 'Voertuigbouw'],
      Machinery: ['Metaaltechniek', 'Machinebouw', 'Aandrijftechniek'],
      'Food & Beverage': ['Voedingsmiddelen', 'Zuivel', 'Vleeswaren'],
      Construction: ['Bouw', 'Installatietechniek', 'Aannemersbedrijf'],
      Energy: ['Energietechniek', 'Windenergie'],
      Retail: ['Technische Handel', 'Bouwmarkt'],
      Healthcare: ['Medische Techniek', 'Zorgproducten'],
    },
    patterns: ['{surname} {trade}', '{surname} {trade}', '{place} {trade}', '{surname} & Zonen'],
  },
  fr: {
    trades: {
      Automotive: ['Équipements Automobiles', 'Pièces Auto'],
      Machinery: ['Constructions Métalliques', 'Mécanique Générale', 'Ateliers'],
      'Food & Beverage': ['Brasserie', 'Biscuiterie', 'Laiterie'],
      Construction: ['Bâtiment', 'Travaux Publics'],
      Energy: ['Énergie Services', 'Électricité Industrielle'],
      Retail: ['Quincaillerie', 'Outillage'],
      Healthcare: ['Matériel Médical', 'Laboratoires'],
    },
    patterns: ['{trade} {surname}', '{trade} {surname}', '{trade} {place}', '{surname} & Fils'],
  },
};

const GERMAN_SURNAMES = ['Müller', 'Schröder', 'Weißenberg', 'Kößler', 'Bäumer', 'Hübner', 'Jäger', 'Krämer'];

export const COUNTRY_NAMING: Readonly<Record<CountryCode, CountryNaming>> = {
  DE: {
    languages: ['de'],
    surnames: [
      ...GERMAN_SURNAMES,
      'Lindemann',
      'Brückner',
      'Förster',
      'Schäfer',
      'Großmann',
      'Köhler',
      'Büttner',
    ],
    places: { de: ['Oberpfälzer', 'Allgäuer', 'Sauerländer', 'Emsländer', 'Lausitzer', 'Vogtländer'] },
    legalForms: {
      de: ['GmbH', 'GmbH', 'GmbH', 'GmbH', 'GmbH & Co. KG', 'GmbH & Co. KG', 'AG', 'KG', 'e.K.'],
    },
  },
  AT: {
    languages: ['de'],
    surnames: [...GERMAN_SURNAMES, 'Oberhuber', 'Pöschl', 'Grünwald', 'Strobl', 'Höfler'],
    places: { de: ['Tiroler', 'Kärntner', 'Mühlviertler', 'Innviertler', 'Steyrer'] },
    legalForms: { de: ['GmbH', 'GmbH', 'Ges.m.b.H.', 'GmbH & Co KG', 'AG'] },
  },
  CH: {
    languages: ['de'],
    surnames: ['Brunner', 'Zürcher', 'Häfliger', 'Gisler', 'Schnyder', 'Küng', 'Frühauf'],
    places: { de: ['Thurgauer', 'Zuger', 'Aargauer', 'Toggenburger'] },
    legalForms: { de: ['AG', 'AG', 'GmbH'] },
  },
  SE: {
    languages: ['sv'],
    surnames: ['Nordström', 'Lindqvist', 'Åberg', 'Sjögren', 'Öhman', 'Bergström', 'Wikström', 'Löfgren'],
    places: { sv: ['Norrlands', 'Smålands', 'Värmlands', 'Bergslagens', 'Hallands'] },
    legalForms: { sv: ['AB'] },
  },
  NO: {
    languages: ['no'],
    surnames: ['Solberg', 'Haugen', 'Bråthen', 'Løvås', 'Sæther', 'Kvåle', 'Røed'],
    places: { no: ['Trøndelag', 'Romerikes', 'Sunnmøre', 'Vestlandske'] },
    legalForms: { no: ['AS', 'AS', 'AS', 'AS', 'ASA'] },
  },
  DK: {
    languages: ['da'],
    surnames: ['Jørgensen', 'Søndergaard', 'Mølgaard', 'Kjær', 'Østergaard', 'Bækgaard'],
    places: { da: ['Vestjysk', 'Fynsk', 'Nordjysk', 'Sjællandsk'] },
    legalForms: { da: ['A/S', 'A/S', 'ApS'] },
  },
  FI: {
    languages: ['fi'],
    surnames: ['Mäkinen', 'Häkkinen', 'Kärkkäinen', 'Lähteenmäki', 'Ylönen', 'Hämäläinen'],
    places: { fi: ['Pohjanmaan', 'Hämeen', 'Savon', 'Pirkanmaan', 'Keski-Suomen'] },
    legalForms: { fi: ['Oy', 'Oy', 'Oy', 'Oy', 'Oyj'] },
  },
  PL: {
    languages: ['pl'],
    surnames: [
      'Wiśniewski',
      'Wójcik',
      'Kamiński',
      'Woźniak',
      'Dąbrowski',
      'Kozłowski',
      'Jabłoński',
      'Szymański',
    ],
    places: {
      pl: [
        'Łódzkie',
        'Śląskie',
        'Mazowieckie',
        'Pomorskie',
        'Wielkopolskie',
        'Małopolskie',
        'Świętokrzyskie',
      ],
    },
    legalForms: { pl: ['Sp. z o.o.', 'Sp. z o.o.', 'Sp. z o.o.', 'S.A.', 'Sp.j.', 'Sp. k.'] },
  },
  GB: {
    languages: ['en'],
    surnames: [
      'Ashworth',
      'Pennington',
      'Hargreaves',
      'Thornbury',
      'Blackwood',
      'Fairbairn',
      'Cartwright',
      'Oakley',
    ],
    places: { en: ['Pennine', 'Humber', 'Severn', 'Cotswold', 'Clyde', 'Mercia'] },
    legalForms: { en: ['Ltd', 'Ltd', 'Ltd', 'Ltd', 'Ltd', 'plc'] },
  },
  IE: {
    languages: ['en'],
    surnames: ['Ó Súilleabháin', 'Ó Ceallaigh', 'Ó Dálaigh', 'Mac Giolla Phádraig', 'Brennan', 'Fitzgerald'],
    places: { en: ['Shannon', 'Munster', 'Connacht', 'Liffey'] },
    legalForms: { en: ['Ltd', 'Ltd', 'Teoranta', 'DAC'] },
  },
  NL: {
    languages: ['nl'],
    surnames: ['Van den Heuvel', 'De Vries', 'Bakker', 'Visser', 'Smit', 'De Boer', 'Mulder', 'Van Leeuwen'],
    places: { nl: ['Brabantse', 'Twentse', 'Limburgse', 'Zeeuwse', 'Drentse'] },
    legalForms: { nl: ['B.V.', 'B.V.', 'B.V.', 'N.V.'] },
  },
  BE: {
    languages: ['nl', 'nl', 'fr'],
    surnames: ['Peeters', 'Janssens', 'Maes', 'Lefèvre', 'Mercier', 'Gérard', 'Noël', 'Dubois'],
    places: { nl: ['Kempense', 'Vlaamse', 'Limburgse'], fr: ['du Hainaut', 'de la Meuse', 'des Ardennes'] },
    legalForms: { nl: ['NV', 'BV'], fr: ['SA', 'SRL'] },
  },
  LU: {
    languages: ['fr'],
    surnames: ['Thiry', 'Reuter', 'Schmit', 'Wagner', 'Lambert', 'Renard'],
    places: { fr: ['du Nord', 'de la Moselle', "de l'Alzette"] },
    legalForms: { fr: ['S.A.', 'S.à r.l.', 'S.à r.l.'] },
  },
};
