import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AnalyticStore } from '../analytics/analytic-store.js';
import { CONTACT_ROLES } from '../contacts/contact.schema.js';
import type { Database } from '../db/schema.js';
import { importSales } from '../import/import.service.js';
import { analyzeSales } from '../portfolio/portfolio.service.js';
import { getSettings } from '../settings/setting.service.js';
import { addUser } from '../users/user.service.js';
import { demoSalesOptions, writeSalesCsv } from './index.js';
import { Random } from './random.js';

const ROLES = ['admin', 'manager', 'account_manager', 'viewer'] as const;
const FIRST = [
  'Anna',
  'Jonas',
  'Maria',
  'Erik',
  'Ewa',
  'Lukas',
  'Sofia',
  'Piotr',
  'Hanna',
  'Oliver',
  'Ingrid',
  'Tomasz',
  'Lea',
  'Niklas',
];
const LAST = [
  'Becker',
  'Lindqvist',
  'Kowalska',
  'Hoffmann',
  'Nyström',
  'Wiśniewski',
  'Jansen',
  'Schulz',
  'Dahl',
  'Murphy',
  'Krüger',
  'Berg',
];
const TITLES = [
  'Head of Purchasing',
  'Plant Manager',
  'CFO',
  'Maintenance Lead',
  'Buyer',
  'Operations Director',
  'Technical Manager',
];

/**
 * Fills an empty workspace with the fictional demo company: three years of sales lines, the analysis,
 * contacts with roles, logged activities, account teams and one user of every role. The logins are
 * written to demo-logins.txt in the data directory (readable by its owner only) and returned.
 */
export async function seedDemoWorkspace(context: {
  db: Kysely<Database>;
  analytic: () => Promise<AnalyticStore>;
  dataDir: string;
}): Promise<{ seeded: boolean; logins: { email: string; role: string; password: string }[] }> {
  const loginsFile = path.join(context.dataDir, 'demo-logins.txt');
  const existing = await context.db.selectFrom('accounts').select('id').limit(1).execute();
  if (existing.length > 0) {
    const logins = fs.existsSync(loginsFile)
      ? (JSON.parse(fs.readFileSync(loginsFile, 'utf8')) as {
          email: string;
          role: string;
          password: string;
        }[])
      : [];
    return { seeded: false, logins };
  }
  const file = path.join(context.dataDir, 'demo-sales.csv');
  await writeSalesCsv(file, demoSalesOptions());
  const settings = await getSettings(context.db);
  const analytic = await context.analytic();
  await importSales(
    { analytic, db: context.db, dataDir: context.dataDir, currency: settings.currency },
    { file },
  );
  await analyzeSales({ analytic, db: context.db, settings }, {});
  const logins: { email: string; role: string; password: string }[] = [];
  const users: Record<string, number> = {};
  for (const role of ROLES) {
    const email = `${role.replace('_', '-')}@demo.kontor`;
    const { user, password } = await addUser(context.db, {
      email,
      role,
      name: `Demo ${role.replace('_', ' ')}`,
    });
    logins.push({ email, role, password });
    users[role] = user.id;
  }
  await seedPeopleAndWork(context.db, users, new Date().toISOString());
  fs.writeFileSync(loginsFile, JSON.stringify(logins, null, 2), { mode: 0o600 });
  return { seeded: true, logins };
}

async function seedPeopleAndWork(
  db: Kysely<Database>,
  users: Record<string, number>,
  now: string,
): Promise<void> {
  const random = new Random(20240601);
  const accounts = await db
    .selectFrom('accounts as a')
    .leftJoin('account_metrics as m', 'm.account_id', 'a.id')
    .select(['a.id', 'm.tier', 'm.class'])
    .orderBy('a.id')
    .execute();
  const pick = <T>(items: readonly T[]) => items[Math.floor(random.next() * items.length)]!;
  await db.transaction().execute(async (trx) => {
    for (const [index, account] of accounts.entries()) {
      // METHOD G4: Green Circle accounts get 4–11 contacts, others fewer (some single-threaded on purpose).
      const contacts =
        account.tier === 'green' ? 3 + Math.floor(random.next() * 8) : 1 + Math.floor(random.next() * 3);
      const ids: number[] = [];
      for (let i = 0; i < contacts; i++) {
        const first = pick(FIRST);
        const last = pick(LAST);
        const row = await trx
          .insertInto('contacts')
          .values({
            account_id: account.id,
            name: `${first} ${last}`,
            role: i === 0 ? 'decision_maker' : pick(CONTACT_ROLES),
            job_title: pick(TITLES),
            email: `${first}.${last}@example.com`
              .toLowerCase()
              .normalize('NFD')
              .replace(/[^a-z.@]/g, ''),
            phone: null,
            influence: 1 + Math.floor(random.next() * 5),
            relationship_strength: 1 + Math.floor(random.next() * 5),
            reports_to: i > 0 ? ids[0]! : null,
            notes: '',
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      const visits = account.tier === 'green' ? 6 : 2;
      for (let i = 0; i < visits; i++) {
        const day = new Date(Date.now() - Math.floor(random.next() * 180) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        await trx
          .insertInto('activities')
          .values({
            account_id: account.id,
            type: pick(['visit', 'call', 'email', 'meeting'] as const),
            date: day,
            duration_minutes: pick([15, 30, 45, 60, 90, 120]),
            user_id: index % 2 === 0 ? users.account_manager! : users.manager!,
            notes: '',
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      if (index % 3 === 0) {
        await trx
          .insertInto('account_teams')
          .values({ account_id: account.id, user_id: users.account_manager!, team_role: 'lead' })
          .execute();
      }
    }
  });
}
