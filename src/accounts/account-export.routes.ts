import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { errorSchema } from '../auth/auth.schema.js';
import type { ServerEnv } from '../server/env.js';
import { accountExportQuerySchema } from './account.api-schema.js';
import { scanAccounts } from './account.list.js';
import { csvStream, toLanguage, xlsxStream } from './account-export.js';
import { filterOf } from './account-list.filter.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const failure = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/export',
  tags: ['accounts'],
  summary: 'Every account of a list view (same filters and sort as GET /accounts) as CSV or XLSX',
  request: { query: accountExportQuerySchema },
  responses: {
    200: {
      description:
        'A download: UTF-8 CSV with a byte-order mark, or an Excel workbook; headers in the caller’s language',
      content: {
        'text/csv': { schema: z.string() },
        [XLSX]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    400: failure('Invalid filter'),
    401: failure('Not logged in'),
  },
});

/**
 * GET /api/v1/accounts/export: every role reads every account, so every role may export the list.
 * Streamed in batches, so 200,000 accounts never sit in memory at once. Mounted before the /{id}
 * routes so that "export" is not taken for an account id.
 */
export function accountExportRoutes() {
  return new OpenAPIHono<ServerEnv>().openapi(exportRoute, (c) => {
    const query = c.req.valid('query');
    const actor = c.get('actor');
    const view = { filter: filterOf(query, actor?.user.id ?? null), sort: query.sort, order: query.order };
    const language = toLanguage(actor?.user.language);
    const batches = scanAccounts(c.get('db'), view);
    const date = new Date().toISOString().slice(0, 10);
    const name = language === 'de' ? 'Kunden' : 'Accounts';
    c.header('cache-control', 'no-store');
    c.header('content-disposition', `attachment; filename="${name.toLowerCase()}-${date}.${query.format}"`);
    if (query.format === 'xlsx') {
      c.header('content-type', XLSX);
      return c.body(xlsxStream(batches, language, name));
    }
    c.header('content-type', 'text/csv; charset=utf-8');
    return c.body(csvStream(batches, language));
  });
}
