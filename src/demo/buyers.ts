/**
 * How each demo customer buys: how often, how much, which products and when. Kept apart from the customer
 * record because it only matters for generating sales history.
 */
import { parseIsoDay } from './calendar.js';
import { PRODUCT_FAMILY_INDEX, PRODUCTS, SEGMENT_FAMILY_AFFINITY } from './catalogue.js';
import type { DemoCustomer } from './company.js';
import { deriveSeed, Random } from './random.js';
import { SEGMENT_SEASONALITY } from './segments.js';

// Revenue grows with size through three channels whose exponents add up to roughly 1: how often a customer
// orders, how many lines an invoice has and how large each line's quantity is.
const ORDER_FREQUENCY_EXPONENT = 0.6;
const QUANTITY_EXPONENT = 0.3;
/** Demanding customers send back goods this many times as often. */
export const DEMANDING_CLAIM_RATE = 5;
const MAX_ASSORTMENT = 40;

export interface Buyer {
  customer: DemoCustomer;
  orderWeight: number;
  quantityScale: number;
  /** Mean number of lines beyond the first on an invoice. */
  meanExtraLines: number;
  /** Product indexes, most frequently bought first. */
  assortment: readonly number[];
  firstDay: number;
  lastDay: number;
  /** Natural log of (1 + annual growth), to turn growth into a per-day exponential. */
  logGrowth: number;
  claimRate: number;
  season: readonly number[];
}

export function buildBuyers(customers: readonly DemoCustomer[], seed: number): Buyer[] {
  const random = new Random(deriveSeed(seed, 'assortment'));
  return customers.map((customer) => ({
    customer,
    orderWeight: customer.size ** ORDER_FREQUENCY_EXPONENT,
    quantityScale: customer.size ** QUANTITY_EXPONENT,
    meanExtraLines: 1.2 + 0.6 * Math.log1p(customer.size),
    assortment: chooseAssortment(customer, random),
    firstDay: parseIsoDay(customer.customerSince),
    lastDay: customer.lastOrderBy === null ? Number.POSITIVE_INFINITY : parseIsoDay(customer.lastOrderBy),
    logGrowth: Math.log1p(Math.max(-0.9, customer.annualGrowth)),
    claimRate: customer.demanding ? DEMANDING_CLAIM_RATE : 1,
    season: SEGMENT_SEASONALITY[customer.segment],
  }));
}

/** Bigger customers buy a broader range; the segment decides which product families dominate. */
function chooseAssortment(customer: DemoCustomer, random: Random): number[] {
  const affinity = SEGMENT_FAMILY_AFFINITY[customer.segment];
  const weights = PRODUCTS.map(
    (_, index) => affinity[PRODUCT_FAMILY_INDEX[index]] * random.between(0.3, 1.7),
  );
  const wanted = Math.round(5 + 6 * Math.log1p(customer.size * 3) + random.between(-2, 2));
  const count = Math.max(3, Math.min(MAX_ASSORTMENT, PRODUCTS.length, wanted));
  const chosen: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = random.weightedIndex(weights);
    chosen.push(index);
    weights[index] = 0;
  }
  return chosen;
}
