/**
 * The fictional demo company and its customer base. Customers depend only on the seed and the period, not
 * on how many sales lines are generated, so the same companies can later be seeded with contacts,
 * activities and users.
 */
import { isoDay, type Period, periodEndingOn } from './calendar.js';
import {
  ACCOUNT_MANAGERS,
  COUNTRIES,
  type CountryCode,
  KEY_ACCOUNT_MANAGERS,
  type Region,
} from './geography.js';
import { createCompanyNamer } from './names.js';
import { deriveSeed, Random } from './random.js';
import { SEGMENT_SHARES, SEGMENTS, type Segment } from './segments.js';

export const DEMO_COMPANY = {
  name: 'Fjordwerk Industriebedarf GmbH',
  city: 'Flensburg',
  country: 'DE',
  currency: 'EUR',
  description:
    'Fictional industrial distributor in northern Germany selling bearings, power transmission, hydraulics, ' +
    'pneumatics, fasteners, tools, safety equipment, lubricants, drives and field service across northern Europe.',
} as const;

export interface CustomerOptions {
  customers: number;
  /** Length of the sales history the customers are generated for. */
  years: number;
  /** Last day of the history, YYYY-MM-DD. */
  endDate: string;
  seed: number;
}

export type Lifecycle = 'steady' | 'growing' | 'declining' | 'churned' | 'new';

export interface DemoCustomer {
  /** Customer number such as "K10023"; ascending with the date the customer was won. */
  id: string;
  name: string;
  country: CountryCode;
  city: string;
  region: Region;
  segment: Segment;
  /** Account manager responsible for the customer. */
  owner: string;
  /** Relative revenue potential at the end of the history; the median customer is 1. */
  size: number;
  /** Discount off list price, 0.15 = 15 %. */
  discount: number;
  /** Yearly change in buying volume, 0.3 = +30 % per year. */
  annualGrowth: number;
  lifecycle: Lifecycle;
  customerSince: string;
  /** Churned customers place no orders after this day; null for everyone else. */
  lastOrderBy: string | null;
  /** Squeezed prices hard and returns a lot: the unprofitable small accounts every portfolio has. */
  demanding: boolean;
}

// Log-normal spread of customer size, chosen so that the top quarter of customers brings about 80 % of revenue.
const SIZE_SIGMA = 1.4;
const KEY_ACCOUNT_SHARE = 0.03;
const DEMANDING_SHARE = 0.03;
const DAYS_PER_YEAR = 365;

export function generateCustomers(options: CustomerOptions): DemoCustomer[] {
  if (!Number.isInteger(options.customers) || options.customers < 1) {
    throw new Error(`customers must be a positive integer, got ${options.customers}`);
  }
  const period = periodEndingOn(options.endDate, options.years);
  const random = new Random(deriveSeed(options.seed, 'customers'));
  const nameCompany = createCompanyNamer(new Random(deriveSeed(options.seed, 'names')));
  const countryShares = COUNTRIES.map((country) => country.share);

  const customers: (DemoCustomer & { sinceDay: number })[] = [];
  for (let i = 0; i < options.customers; i++) {
    const country = COUNTRIES[random.weightedIndex(countryShares)];
    const segment = SEGMENTS[random.weightedIndex(SEGMENT_SHARES)];
    const city = random.pick(country.cities);
    const size = random.logNormal(1, SIZE_SIGMA);
    const lifecycle = drawLifecycle(random, period);
    customers.push({
      id: '',
      name: nameCompany(country.code, segment, city),
      country: country.code,
      city,
      region: country.region,
      segment,
      owner: random.pick(ACCOUNT_MANAGERS[country.region]),
      size,
      discount: roundToHalfPercent(clamp(0.06 + 0.045 * Math.log(size) + 0.02 * random.normal(), 0, 0.3)),
      annualGrowth: lifecycle.annualGrowth,
      lifecycle: lifecycle.kind,
      customerSince: isoDay(lifecycle.sinceDay),
      lastOrderBy: lifecycle.lastOrderDay === null ? null : isoDay(lifecycle.lastOrderDay),
      demanding: false,
      sinceDay: lifecycle.sinceDay,
    });
  }

  const bySizeDescending = [...customers].sort((a, b) => b.size - a.size);
  const keyAccounts = Math.max(1, Math.round(options.customers * KEY_ACCOUNT_SHARE));
  bySizeDescending.slice(0, keyAccounts).forEach((customer, rank) => {
    customer.owner = KEY_ACCOUNT_MANAGERS[rank % KEY_ACCOUNT_MANAGERS.length];
  });
  // Demanding accounts are small but not tiny, so they do show up in the history with real volume.
  const smallish = bySizeDescending.slice(
    Math.max(keyAccounts, Math.floor(options.customers * 0.4)),
    Math.ceil(options.customers * 0.8),
  );
  const demandingCount = Math.min(
    smallish.length,
    Math.max(1, Math.round(options.customers * DEMANDING_SHARE)),
  );
  for (let i = 0; i < demandingCount; i++) {
    const at = random.int(0, smallish.length - 1);
    const customer = smallish[at];
    smallish[at] = smallish[smallish.length - 1];
    smallish.pop();
    customer.demanding = true;
    customer.discount = roundToHalfPercent(random.between(0.38, 0.48));
  }

  // Customer numbers are handed out in the order customers were won, with gaps from deleted prospects.
  customers.sort((a, b) => a.sinceDay - b.sinceDay);
  let number = 10_000;
  return customers.map(({ sinceDay: _, ...customer }) => {
    number += random.int(1, 7);
    return { ...customer, id: `K${number}` };
  });
}

interface LifecycleDraw {
  kind: Lifecycle;
  annualGrowth: number;
  sinceDay: number;
  lastOrderDay: number | null;
}

function drawLifecycle(random: Random, period: Period): LifecycleDraw {
  const length = period.lastDay - period.firstDay;
  const longStanding = period.firstDay - Math.round(random.between(0.3, 25) * DAYS_PER_YEAR);
  const roll = random.next();
  if (roll < 0.1) {
    // Won within the last year (or the last fifth of a shorter history).
    const daysAgo = random.int(20, Math.max(20, Math.min(DAYS_PER_YEAR, Math.round(length * 0.2))));
    return {
      kind: 'new',
      annualGrowth: random.between(0, 0.3),
      sinceDay: period.lastDay - daysAgo,
      lastOrderDay: null,
    };
  }
  if (roll < 0.18) {
    const lastOrderDay = period.firstDay + Math.round(random.between(0.15, 0.85) * length);
    return { kind: 'churned', annualGrowth: -random.between(0, 0.25), sinceDay: longStanding, lastOrderDay };
  }
  if (roll < 0.36) {
    return {
      kind: 'growing',
      annualGrowth: random.between(0.12, 0.6),
      sinceDay: longStanding,
      lastOrderDay: null,
    };
  }
  if (roll < 0.48) {
    return {
      kind: 'declining',
      annualGrowth: -random.between(0.08, 0.35),
      sinceDay: longStanding,
      lastOrderDay: null,
    };
  }
  return {
    kind: 'steady',
    annualGrowth: 0.04 + 0.04 * random.normal(),
    sinceDay: longStanding,
    lastOrderDay: null,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function roundToHalfPercent(fraction: number): number {
  return Math.round(fraction * 200) / 200;
}
