/**
 * Who orders on a given day. Buying weights change with growth, season and the customer's life cycle;
 * they are kept in typed arrays because the pool is re-weighed every working day, which for a hundred
 * thousand customers would otherwise cost more than generating the lines.
 */
import type { Buyer } from './buyers.js';
import { DEMANDING_CLAIM_RATE } from './buyers.js';
import { monthOf, yearsBetween } from './calendar.js';
import type { Random } from './random.js';

const NEW_CUSTOMER_RAMP_DAYS = 60;
const CHURN_FADE_DAYS = 180;

export class BuyerPool {
  private readonly firstDays: Float64Array;
  private readonly lastDays: Float64Array;
  /** Weight from size, growth and season; refreshed weekly and at month changes, never mid-way. */
  private readonly baseWeights: Float64Array;
  /** Running totals of the day's weights, for drawing by binary search. */
  private readonly cumulative: Float64Array;
  private refreshKey = -1;

  constructor(
    private readonly buyers: readonly Buyer[],
    /** Volume is anchored at the end of the history, so a fast grower was much smaller at the start. */
    private readonly historyEnd: number,
  ) {
    this.firstDays = Float64Array.from(buyers, (buyer) => buyer.firstDay);
    this.lastDays = Float64Array.from(buyers, (buyer) => buyer.lastDay);
    this.baseWeights = new Float64Array(buyers.length);
    this.cumulative = new Float64Array(buyers.length);
  }

  /** Sets the pool up for `day` and returns the total weight of all buyers that day (0 if nobody buys). */
  weighDay(day: number): number {
    const month = monthOf(day);
    const week = Math.floor(day / 7);
    // The key depends on the day only, so weighing a day always gives the same result whatever came before.
    if (week * 12 + month !== this.refreshKey) {
      this.refreshKey = week * 12 + month;
      const years = yearsBetween(this.historyEnd, week * 7);
      for (let i = 0; i < this.buyers.length; i++) {
        const buyer = this.buyers[i];
        this.baseWeights[i] = buyer.orderWeight * buyer.season[month] * Math.exp(buyer.logGrowth * years);
      }
    }
    const { firstDays, lastDays, baseWeights, cumulative } = this;
    let total = 0;
    for (let i = 0; i < cumulative.length; i++) {
      const sinceStart = day - firstDays[i];
      const untilEnd = lastDays[i] - day;
      if (sinceStart >= 0 && untilEnd >= 0) {
        let weight = baseWeights[i];
        if (sinceStart < NEW_CUSTOMER_RAMP_DAYS) weight *= 0.3 + (0.7 * sinceStart) / NEW_CUSTOMER_RAMP_DAYS;
        if (untilEnd < CHURN_FADE_DAYS) weight *= 0.3 + (0.7 * untilEnd) / CHURN_FADE_DAYS;
        total += weight;
      }
      cumulative[i] = total;
    }
    return total;
  }

  /** A buyer drawn in proportion to the day's weights; only valid after weighDay returned more than 0. */
  pick(random: Random): Buyer {
    const cumulative = this.cumulative;
    const target = random.next() * cumulative[cumulative.length - 1];
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.buyers[low];
  }

  /** Like pick, but demanding customers are more likely: who sends goods back. */
  pickClaimant(random: Random): Buyer {
    for (;;) {
      const buyer = this.pick(random);
      if (random.next() * DEMANDING_CLAIM_RATE < buyer.claimRate) return buyer;
    }
  }
}
