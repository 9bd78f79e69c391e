/**
 * The engine behind the demo sales history: invoices and credit notes, line by line, in date order.
 * The number of lines is exact: each working day gets its share of `lines` in proportion to how many
 * customers are active and how busy the season is, and documents never straddle two days.
 */
import { BuyerPool } from './buyer-pool.js';
import { type Buyer, buildBuyers } from './buyers.js';
import { invoicingActivity, isoDay, periodEndingOn, yearOf } from './calendar.js';
import { PRODUCTS, type Product } from './catalogue.js';
import { type CustomerOptions, type DemoCustomer, generateCustomers } from './company.js';
import { deriveSeed, Random } from './random.js';

export interface SalesOptions extends CustomerOptions {
  /** Exact number of lines to produce. */
  lines: number;
}

/** The same object is refilled for every line; copy what you keep. Money is in integer cents. */
export interface RawSalesLine {
  document: string;
  line: number;
  date: string;
  customer: DemoCustomer;
  product: Product;
  quantity: number;
  unitPriceCents: number;
  amountCents: number;
  costCents: number;
}

const CREDIT_LINE_SHARE = 0.02;
/** List prices go up every January; earlier years were this much cheaper per year. */
const YEARLY_PRICE_INCREASE = 1.04;
const MAX_INVOICE_LINES = 40;

/** Throws on options that cannot produce a history, so callers fail before creating files or tables. */
export function validateSalesOptions(options: SalesOptions): void {
  const { lines, customers, seed } = options;
  if (!Number.isInteger(lines) || lines < 0)
    throw new Error(`lines must be a non-negative integer, got ${lines}`);
  if (!Number.isInteger(customers) || customers < 1) {
    throw new Error(`customers must be a positive integer, got ${customers}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  periodEndingOn(options.endDate, options.years);
}

/** Checks the options right away (a generator body would only run on the first next()). */
export function generateRawSalesLines(options: SalesOptions): Generator<RawSalesLine> {
  validateSalesOptions(options);
  return rawSalesLines(options);
}

function* rawSalesLines(options: SalesOptions): Generator<RawSalesLine> {
  const { lines } = options;
  const period = periodEndingOn(options.endDate, options.years);
  const customers = generateCustomers(options);
  const pool = new BuyerPool(buildBuyers(customers, options.seed), period.lastDay);
  const random = new Random(deriveSeed(options.seed, 'sales'));

  const dayCount = period.lastDay - period.firstDay + 1;
  const dayWeights = new Float64Array(dayCount);
  let totalWeight = 0;
  let lastBusyOffset = -1;
  for (let offset = 0; offset < dayCount; offset++) {
    const activity = invoicingActivity(period.firstDay + offset);
    dayWeights[offset] = activity === 0 ? 0 : activity * pool.weighDay(period.firstDay + offset);
    totalWeight += dayWeights[offset];
    if (dayWeights[offset] > 0) lastBusyOffset = offset;
  }
  if (lines > 0 && totalWeight === 0)
    throw new Error('No customer is active on any working day of the period');

  const out: RawSalesLine = {
    document: '',
    line: 0,
    date: '',
    customer: customers[0],
    product: PRODUCTS[0],
    quantity: 0,
    unitPriceCents: 0,
    amountCents: 0,
    costCents: 0,
  };
  const endYear = yearOf(period.lastDay);
  let year = 0;
  let priceIndex = 1;
  let invoiceNumber = 0;
  let creditNumber = 0;
  let produced = 0;
  let creditLines = 0;
  let cumulativeWeight = 0;

  for (let offset = 0; offset < dayCount && produced < lines; offset++) {
    cumulativeWeight += dayWeights[offset];
    // Rounding the running total (not each day) is what makes the days add up to exactly `lines`.
    const target = offset === lastBusyOffset ? lines : Math.round((lines * cumulativeWeight) / totalWeight);
    let remaining = Math.min(lines, target) - produced;
    if (remaining <= 0 || dayWeights[offset] === 0) continue;
    const day = period.firstDay + offset;
    if (yearOf(day) !== year) {
      year = yearOf(day);
      priceIndex = YEARLY_PRICE_INCREASE ** (year - endYear);
      invoiceNumber = 0;
      creditNumber = 0;
    }
    pool.weighDay(day);
    out.date = isoDay(day);

    while (remaining > 0) {
      // Steering towards the target share keeps credit notes near 2 % however many lines there are.
      const isCredit = random.chance(creditLines < CREDIT_LINE_SHARE * produced ? 0.1 : 0.01);
      const buyer = isCredit ? pool.pickClaimant(random) : pool.pick(random);
      const size = isCredit ? creditNoteSize(random) : invoiceSize(random, buyer);
      const documentLines = Math.min(remaining, size);
      out.document = isCredit ? `GS-${year}-${pad6(++creditNumber)}` : `RE-${year}-${pad6(++invoiceNumber)}`;
      out.customer = buyer.customer;
      const unitPriceFactor = priceIndex * (1 - buyer.customer.discount);
      const assortment = buyer.assortment;
      for (let line = 1; line <= documentLines; line++) {
        // The skew makes a customer's first few products the bulk of its lines.
        const product = PRODUCTS[assortment[Math.floor(assortment.length * random.next() ** 1.8)]];
        let quantity = orderQuantity(random, product, buyer.quantityScale);
        if (isCredit)
          quantity = -Math.max(product.packSize, roundToPack(quantity * random.between(0.1, 0.6), product));
        out.line = line;
        out.product = product;
        out.quantity = quantity;
        out.unitPriceCents = Math.max(1, Math.round(product.listPriceCents * unitPriceFactor));
        out.amountCents = quantity * out.unitPriceCents;
        out.costCents = Math.round(quantity * product.unitCostCents * priceIndex);
        yield out;
      }
      produced += documentLines;
      remaining -= documentLines;
      if (isCredit) creditLines += documentLines;
    }
  }
}

function invoiceSize(random: Random, buyer: Buyer): number {
  const extra = Math.floor(-Math.log(1 - random.next()) * buyer.meanExtraLines);
  return Math.min(MAX_INVOICE_LINES, 1 + extra);
}

function creditNoteSize(random: Random): number {
  const roll = random.next();
  return roll < 0.8 ? 1 : roll < 0.95 ? 2 : 3;
}

function orderQuantity(random: Random, product: Product, quantityScale: number): number {
  const quantity = product.typicalQuantity * quantityScale * random.logNormal(1, 0.7);
  return Math.max(product.packSize, roundToPack(quantity, product));
}

function roundToPack(quantity: number, product: Product): number {
  return Math.round(quantity / product.packSize) * product.packSize;
}

function pad6(value: number): string {
  return value < 100_000 ? String(value).padStart(6, '0') : String(value);
}
