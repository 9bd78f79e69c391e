/** Industries the demo company sells to, how common each is and when in the year each one buys. */

export const SEGMENTS = [
  'Automotive',
  'Machinery',
  'Food & Beverage',
  'Construction',
  'Energy',
  'Retail',
  'Healthcare',
] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Relative share of customers per segment (same order as SEGMENTS). */
export const SEGMENT_SHARES: readonly number[] = [18, 22, 15, 14, 10, 12, 9];

// Factory holidays empty the order books in July/August and over Christmas.
const INDUSTRIAL_YEAR = [0.92, 1.0, 1.1, 1.05, 1.05, 1.0, 0.78, 0.68, 1.08, 1.1, 1.06, 0.8];

/** Buying activity per calendar month (index 0 = January), around 1 on average. */
export const SEGMENT_SEASONALITY: Readonly<Record<Segment, readonly number[]>> = {
  Automotive: INDUSTRIAL_YEAR,
  Machinery: INDUSTRIAL_YEAR,
  Energy: INDUSTRIAL_YEAR,
  Healthcare: INDUSTRIAL_YEAR,
  // Beverage and food plants run hardest before and through the summer.
  'Food & Beverage': [0.9, 0.95, 1.05, 1.1, 1.15, 1.15, 1.0, 0.9, 1.0, 1.05, 1.05, 0.75],
  // Frost stops building sites in winter.
  Construction: [0.6, 0.7, 1.0, 1.15, 1.2, 1.2, 1.0, 0.9, 1.15, 1.1, 0.95, 0.6],
  // Trade counters and DIY stock up for the spring season.
  Retail: [0.9, 1.0, 1.25, 1.25, 1.1, 1.0, 0.8, 0.75, 1.0, 1.05, 1.1, 0.8],
};
