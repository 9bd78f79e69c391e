/** Builds unique, realistic-looking fictional company names in the customer's own language. */
import type { CountryCode } from './geography.js';
import { COUNTRY_NAMING, LANGUAGES } from './name-parts.js';
import type { Random } from './random.js';
import type { Segment } from './segments.js';

/** Fresh combinations tried before a duplicate is told apart by its city. */
const ATTEMPTS_BEFORE_CITY = 12;

export type CompanyNamer = (country: CountryCode, segment: Segment, city: string) => string;

export function createCompanyNamer(random: Random): CompanyNamer {
  const taken = new Set<string>();
  const claim = (name: string): boolean => {
    if (taken.has(name)) return false;
    taken.add(name);
    return true;
  };

  return (country, segment, city) => {
    const naming = COUNTRY_NAMING[country];
    let base = '';
    let legalForm = '';
    for (let attempt = 0; attempt < ATTEMPTS_BEFORE_CITY; attempt++) {
      const language = random.pick(naming.languages);
      const places = naming.places[language] ?? [];
      const style = LANGUAGES[language];
      const patterns =
        places.length > 0 ? style.patterns : style.patterns.filter((p) => !p.includes('{place}'));
      const surname = random.pick(naming.surnames);
      let partner = random.pick(naming.surnames);
      if (partner === surname)
        partner = naming.surnames[(naming.surnames.indexOf(surname) + 1) % naming.surnames.length];
      base = random
        .pick(patterns)
        .replace('{surname}', surname)
        .replace('{surname2}', partner)
        .replace('{place}', places.length > 0 ? random.pick(places) : '')
        .replace('{trade}', random.pick(style.trades[segment]))
        .replace('{brand}', random.pick(style.brands ?? [surname]));
      legalForm = random.pick(naming.legalForms[language] ?? ['']);
      if (claim(`${base} ${legalForm}`)) return `${base} ${legalForm}`;
    }
    // Real registers hold the same firm name in different towns; very large populations need numbering too.
    if (claim(`${base} ${city} ${legalForm}`)) return `${base} ${city} ${legalForm}`;
    for (let branch = 2; ; branch++) {
      const numbered = `${base} ${city} ${legalForm} (${branch})`;
      if (claim(numbered)) return numbered;
    }
  };
}
