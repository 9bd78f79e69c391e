import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { createMissingAccounts } from '../portfolio/portfolio.repository.js';
import type { PotentialReport } from './potential.schema.js';

const BATCH = 250;

/** Replaces every account's published potential and records the run, in the caller's transaction. */
export async function publishPotential(
  db: Kysely<Database>,
  report: PotentialReport,
  now: string,
): Promise<number> {
  const { accounts, ...summary } = report;
  await createMissingAccounts(
    db,
    accounts.map((a) => a.id),
    now,
  );
  const { id } = await db
    .insertInto('potential_runs')
    .values({ created_at: now, summary: JSON.stringify(summary) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.deleteFrom('account_potential').execute();
  const money = (value: number) => value.toFixed(4);
  for (let start = 0; start < accounts.length; start += BATCH) {
    await db
      .insertInto('account_potential')
      .values(
        accounts.slice(start, start + BATCH).map((a) => ({
          account_id: a.id,
          run_id: id,
          expected_transactions: a.expectedTransactions,
          expected_spend: a.expectedSpend,
          expected_revenue: money(a.expectedRevenue),
          predicted_12m_revenue: money(a.predicted12mRevenue),
          probability_alive: a.probabilityAlive,
          clv: money(a.clv),
          computed_at: now,
        })),
      )
      .execute();
  }
  return id;
}

/** Predicted 12-month revenue per account from the latest run, and wallet estimates (share of wallet). */
export async function loadPotentialInputs(
  db: Kysely<Database>,
): Promise<{ predicted: Map<string, number>; wallets: Map<string, number> }> {
  const predicted = await db
    .selectFrom('account_potential')
    .select(['account_id', 'predicted_12m_revenue'])
    .execute();
  const wallets = await db
    .selectFrom('accounts')
    .select(['id', 'wallet'])
    .where('wallet', 'is not', null)
    .execute();
  return {
    predicted: new Map(predicted.map((row) => [row.account_id, Number(row.predicted_12m_revenue)])),
    wallets: new Map(wallets.map((row) => [row.id, Number(row.wallet)])),
  };
}
