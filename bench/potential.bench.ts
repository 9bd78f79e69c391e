/**
 * Bench of the customer-base models (issue "Customer potential", METHOD G1).
 *   npx tsx bench/potential.bench.ts            both parts, each in its own process (own peak RSS)
 *   npx tsx bench/potential.bench.ts cdnow      (a) CDNOW master: summary, BG/NBD fit, predictions, CLV
 *   npx tsx bench/potential.bench.ts simulated  (b) 1,000,000 customers drawn from BG/NBD, fit, predict
 *   npx tsx bench/potential.bench.ts simulated-days   the same with times rounded to whole days
 * Reference: Python lifetimes with scipy Nelder–Mead, 1.65 s for (a)'s fit and 79 s for (b)'s.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type BgNbdFit,
  type BgNbdParams,
  bgNbdModel,
  type CustomerPredictions,
  clv,
  collapseRfm,
  dayFromYmd,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  predictCustomers,
  type RfmData,
  summarizeTransactions,
  type Transaction,
} from '../src/core/potential/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CDNOW_MASTER = path.resolve(here, '../../shared/data/cdnow/CDNOW_master.txt');
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

export interface FitAndPredictResult {
  fit: BgNbdFit;
  predictions: CustomerPredictions;
  rowsFitted: number;
  fitSeconds: number;
  predictSeconds: number;
}

/**
 * Fits BG/NBD and predicts every customer over `horizon`: what Kontor will run on its own store's
 * summary. Identical histories are collapsed first when `collapse` is set (worth it for day-rounded times).
 */
export function fitAndPredict(data: RfmData, horizon: number, collapse = true): FitAndPredictResult {
  const start = performance.now();
  const rows = collapse ? collapseRfm(data) : data;
  const fit = fitBgNbd(rows);
  const fitted = performance.now();
  const predictions = predictCustomers(bgNbdModel(fit.params), data, horizon);
  const done = performance.now();
  return {
    fit,
    predictions,
    rowsFitted: rows.x.length,
    fitSeconds: (fitted - start) / 1000,
    predictSeconds: (done - fitted) / 1000,
  };
}

/** CDNOW_master.txt: `customer_id yyyymmdd number_of_cds dollar_value`, one header line. */
export function readCdnowMaster(file: string): Transaction[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const out: Transaction[] = [];
  for (let i = 1; i < lines.length; i++) {
    const fields = lines[i].trim().split(/\s+/);
    if (fields.length < 4) continue;
    out.push({ customer: fields[0], day: dayFromYmd(Number(fields[1])), value: Number(fields[3]) });
  }
  return out;
}

function benchCdnow(): void {
  const t0 = performance.now();
  const transactions = readCdnowMaster(CDNOW_MASTER);
  const summary = summarizeTransactions(transactions, {
    calibrationEnd: dayFromYmd(19970930),
    holdoutEnd: dayFromYmd(19980630),
  });
  const t1 = performance.now();
  const result = fitAndPredict(summary, 39);
  const t2 = performance.now();
  const spendFit = fitGammaGamma(summary);
  const spend = Float64Array.from(summary.x, (x, i) =>
    gammaGammaExpectedSpend(spendFit.params, x, summary.zbar[i]),
  );
  const values = clv(bgNbdModel(result.fit.params), summary, spend, {
    horizon: 52,
    discountRatePerStep: 0.01,
  });
  const t3 = performance.now();
  const predictedHoldout = result.predictions.expectedTransactions.reduce((s, v) => s + v, 0);
  const actualHoldout = summary.holdoutX.reduce((s, v) => s + v, 0);
  console.log(`(a) CDNOW master: ${summary.x.length} customers, ${result.rowsFitted} distinct (x, tx, T)`);
  console.log(`    read + summarise      ${seconds(t1 - t0)}`);
  console.log(
    `    BG/NBD fit            ${result.fitSeconds.toFixed(3)} s   (target < 0.5 s; lifetimes 1.65 s)`,
  );
  console.log(`    predict all (39 wk)   ${result.predictSeconds.toFixed(3)} s`);
  console.log(`    fit + predict         ${seconds(t2 - t1)}`);
  console.log(`    Gamma-Gamma + CLV     ${seconds(t3 - t2)}`);
  console.log(`    params ${formatParams(result.fit)}`);
  console.log(`    holdout purchases: predicted ${predictedHoldout.toFixed(0)}, actual ${actualHoldout}`);
  console.log(
    `    Gamma-Gamma ${JSON.stringify(round(spendFit.params))}, corr(x, zbar) ${spendFit.frequencySpendCorrelation?.toFixed(3)}`,
  );
  console.log(`    12-month CLV total ${values.reduce((s, v) => s + v, 0).toFixed(0)} USD`);
  console.log(`    peak RSS              ${peakRss()}`);
}

function benchSimulated(resolution: 'continuous' | 'day'): void {
  const t0 = performance.now();
  const data = simulateBgNbd(PUBLISHED, 1_000_000, resolution, 20240521);
  const t1 = performance.now();
  const result = fitAndPredict(data, 52, resolution === 'day');
  console.log(`(b) 1,000,000 simulated customers, ${resolution} times, ${result.rowsFitted} rows fitted`);
  console.log(`    simulate              ${seconds(t1 - t0)}`);
  console.log(
    `    BG/NBD fit            ${result.fitSeconds.toFixed(3)} s   (target < 25 s; lifetimes 79 s)`,
  );
  console.log(`    predict all (52 wk)   ${result.predictSeconds.toFixed(3)} s`);
  console.log(`    params ${formatParams(result.fit)}  (true ${JSON.stringify(PUBLISHED)})`);
  console.log(`    peak RSS              ${peakRss()}`);
}

/**
 * Draws customers from the BG/NBD story: λ ~ Gamma(r, α), p ~ Beta(a, b); repeat purchases follow a
 * Poisson process and after each one the customer drops out with probability p. Observation lengths
 * are uniform in 27..39 weeks. With 'day' resolution, times are whole days and same-day purchases merge.
 */
export function simulateBgNbd(
  p: BgNbdParams,
  customers: number,
  resolution: 'continuous' | 'day',
  seed: number,
): RfmData {
  const random = new Xoshiro128(seed);
  const x = new Float64Array(customers);
  const tx = new Float64Array(customers);
  const T = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const lambda = random.gamma(p.r) / p.alpha;
    const g = random.gamma(p.a);
    const dropout = g / (g + random.gamma(p.b));
    const days = resolution === 'day' ? 189 + Math.floor(random.next() * 85) : 0;
    const length = resolution === 'day' ? days / 7 : 27 + 12 * random.next();
    let t = 0;
    let count = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(random.next()) / lambda;
      if (t > length) break;
      const at = resolution === 'day' ? Math.floor(t * 7) / 7 : t;
      if (at > last) {
        count++;
        last = at;
      }
      if (random.next() < dropout) break;
    }
    x[i] = count;
    tx[i] = last;
    T[i] = length;
  }
  return { x, tx, T };
}

/** xoshiro128**: fast, 2^128 period, seeded through splitmix32 so any seed gives a good state. */
class Xoshiro128 {
  private s = new Uint32Array(4);
  private spare = Number.NaN;

  constructor(seed: number) {
    let z = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      z = (z + 0x9e3779b9) >>> 0;
      let v = z;
      v = Math.imul(v ^ (v >>> 16), 0x85ebca6b);
      v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
      this.s[i] = (v ^ (v >>> 16)) >>> 0;
    }
  }

  /** Uniform in (0, 1): never 0, so logarithms stay finite. */
  next(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return (result + 0.5) / 4294967296;
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = Number.NaN;
      return v;
    }
    const radius = Math.sqrt(-2 * Math.log(this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Gamma(shape, 1) by Marsaglia & Tsang; shapes below 1 via Gamma(shape+1)·U^(1/shape). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * this.next() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = this.normal();
      const v = (1 + c * z) ** 3;
      if (v <= 0) continue;
      if (Math.log(this.next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  }
}

function rotl(v: number, k: number): number {
  return ((v << k) | (v >>> (32 - k))) >>> 0;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

function peakRss(): string {
  // maxRSS is in kilobytes on Linux.
  return `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`;
}

function round(params: object): Record<string, number> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Number((v as number).toPrecision(5))]),
  );
}

function formatParams(fit: BgNbdFit): string {
  return `${JSON.stringify(round(fit.params))} LL ${fit.logLikelihood.toFixed(3)} in ${fit.iterations} iterations`;
}

function main(part: string | undefined): void {
  if (part === 'cdnow') {
    benchCdnow();
    return;
  }
  if (part === 'simulated' || part === 'simulated-days') {
    benchSimulated(part === 'simulated' ? 'continuous' : 'day');
    return;
  }
  // Each part in its own process, so the peak RSS printed belongs to that part alone.
  for (const child of ['cdnow', 'simulated', 'simulated-days']) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), child], {
      stdio: 'inherit',
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv[2]);
