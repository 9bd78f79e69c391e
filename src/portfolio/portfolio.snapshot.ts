import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { type Summary, withListPreviews } from './portfolio.lists.js';
import type { Change } from './portfolio.report-model.js';

export interface SnapshotDocument {
  id: number;
  /** Names this version of the document for HTTP caches (If-None-Match). */
  etag: string;
  /** The whole summary, every list complete, for paging its lists (portfolio.lists.ts). */
  summary: Summary & { snapshotId: number; createdAt: string };
  /** The response body (the lists cut to their first rows), serialised and encoded once... */
  json: Uint8Array<ArrayBuffer>;
  /** ...and compressed once, for clients that accept gzip (browsers do): a tenth of the size. */
  gzip: Uint8Array<ArrayBuffer>;
}

/**
 * The latest published snapshot as the JSON the API sends. A published snapshot never changes, so its
 * document is made once per snapshot and process (the last few are kept) and each request only asks
 * which snapshot is the latest — one indexed row — so a new analysis, from any process, shows at once.
 * Requests that arrive while a document is being made wait for that one instead of making their own.
 */
export function snapshotDocuments(keep = 4) {
  const documents = new Map<string, Promise<SnapshotDocument>>();
  return async (db: Kysely<Database>, by: 'revenue' | 'margin' | undefined): Promise<SnapshotDocument> => {
    let query = db
      .selectFrom('portfolio_snapshots')
      .select(['id', 'created_at', 'value_basis'])
      .where('filters', '=', '{}');
    if (by) query = query.where('value_basis', '=', by);
    const row = await query.orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (!row) {
      throw new KontorError(
        'not_found',
        'Nothing has been analysed yet. Import sales lines, then run kontor analyze (it publishes a snapshot).',
      );
    }
    const key = `${row.id}/${row.created_at}`;
    let document = documents.get(key);
    if (!document) {
      document = makeDocument(db, row);
      documents.set(key, document);
      document.catch(() => documents.delete(key));
      if (documents.size > keep) documents.delete(documents.keys().next().value!);
    }
    return document;
  };
}

async function makeDocument(
  db: Kysely<Database>,
  row: { id: number; created_at: string; value_basis: 'revenue' | 'margin' },
): Promise<SnapshotDocument> {
  const stored = await db
    .selectFrom('portfolio_snapshots')
    .select('summary')
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  const parsed = JSON.parse(stored.summary) as Summary;
  // Snapshots published before the changes were stored with them: compare the account rows.
  const changes = parsed.changes ?? (await changesSince(db, row.id, row.value_basis));
  const summary = { ...parsed, changes, snapshotId: row.id, createdAt: row.created_at };
  const json = new TextEncoder().encode(JSON.stringify(withListPreviews(summary)));
  const gzip = new Uint8Array(await promisify(zlib.gzip)(json));
  return { id: row.id, etag: `"snapshot-v2-${row.id}-${Date.parse(row.created_at)}"`, summary, json, gzip };
}

/** Class and tier changes against the snapshot before, on the same basis (as the publishing run reported them). */
async function changesSince(db: Kysely<Database>, id: number, by: 'revenue' | 'margin') {
  const previous = await db
    .selectFrom('portfolio_snapshots')
    .select(['id', 'created_at'])
    .where('value_basis', '=', by)
    .where('filters', '=', '{}')
    .where('id', '<', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!previous) return null;
  const rows = await db
    .selectFrom('snapshot_accounts as now')
    .innerJoin('snapshot_accounts as before', 'before.account_id', 'now.account_id')
    .leftJoin('accounts', 'accounts.id', 'now.account_id')
    .select(['now.account_id as id', 'accounts.name', 'before.class as fromClass', 'now.class as toClass'])
    .select(['before.tier as fromTier', 'now.tier as toTier'])
    .where('now.snapshot_id', '=', id)
    .where('before.snapshot_id', '=', previous.id)
    .where((eb) =>
      eb.or([eb('before.class', '<>', eb.ref('now.class')), eb('before.tier', '<>', eb.ref('now.tier'))]),
    )
    .orderBy('now.account_id')
    .execute();
  const classChanges: Change[] = [];
  const tierChanges: Change[] = [];
  for (const row of rows) {
    const name = row.name ?? null;
    if (row.fromClass !== row.toClass)
      classChanges.push({ id: row.id, name, from: row.fromClass, to: row.toClass });
    if (row.fromTier !== row.toTier)
      tierChanges.push({ id: row.id, name, from: row.fromTier, to: row.toTier });
  }
  return { since: previous.created_at, classChanges, tierChanges };
}
