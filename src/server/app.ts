import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { type Kysely, sql } from 'kysely';
import { accountRoutes } from '../accounts/account.routes.js';
import { accountExportRoutes } from '../accounts/account-export.routes.js';
import { accountFacetsRoutes } from '../accounts/account-facets.routes.js';
import { accountMetricsRoutes } from '../accounts/account-metrics.routes.js';
import { accountTeamRoutes } from '../accounts/account-team.routes.js';
import { activityRoutes } from '../activities/activity.routes.js';
import type { AnalyticStore } from '../analytics/analytic-store.js';
import { authRoutes } from '../auth/auth.routes.js';
import { contactRoutes } from '../contacts/contact.routes.js';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { importJobs, importRoutes } from '../imports/import.routes.js';
import type { ImportJobs } from '../imports/import-jobs.js';
import { portfolioRoutes } from '../portfolio/portfolio.routes.js';
import { accountPotentialRoutes, potentialRunRoutes } from '../potential/potential.routes.js';
import { settingRoutes } from '../settings/setting.routes.js';
import { tokenRoutes } from '../tokens/token.routes.js';
import { profileRoutes } from '../users/profile.routes.js';
import { passwordRoutes, userRoutes } from '../users/user.routes.js';
import { apiDocs } from './api-docs.js';
import { authenticate, requireActor } from './auth.middleware.js';
import type { ServerEnv } from './env.js';
import { HTTP_STATUS } from './http-status.js';
import { requestLog } from './logging.js';
import { LoginLimiter } from './rate-limit.js';
import { webApp } from './web-app.js';

export interface AppOptions {
  db: Kysely<Database>;
  /** The sales data (DuckDB), opened on first use and then held by this process. */
  analytic?: () => Promise<AnalyticStore>;
  dataDir?: string;
  /** Cookies marked Secure: on in production behind HTTPS, off for http://localhost. */
  secureCookies?: boolean;
  trustProxy?: boolean;
  log?: (line: string) => void;
  limiter?: LoginLimiter;
  /** The background import queue; `kontor serve` passes its own to wait for it on shutdown. */
  importJobs?: ImportJobs;
  /** The built web app; default dist/web. */
  webRoot?: string;
}

/** The whole HTTP API as one Hono app; tests call it in-process with app.request(). */
export function createApp(options: AppOptions) {
  const app = new OpenAPIHono<ServerEnv>({
    // zod's findings become our validation error, field by field.
    defaultHook: (result) => {
      if (!result.success) {
        throw new KontorError(
          'validation',
          'Some fields are not valid.',
          result.error.issues.map((issue) => ({
            field: issue.path.join('.') || undefined,
            message: issue.message,
          })),
        );
      }
    },
  });
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  app.use('*', requestLog(log));
  // Mantine writes its theme as an inline <style>, so styles may be inline; scripts come only from 'self'.
  const strict = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
    referrerPolicy: 'same-origin',
    xContentTypeOptions: 'nosniff',
  });
  // Swagger UI sets style attributes, so the reference page alone allows inline styles (no inline scripts).
  const docs = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    xContentTypeOptions: 'nosniff',
  });
  app.use('*', (c, next) => (c.req.path.startsWith('/api/docs') ? docs(c, next) : strict(c, next)));
  app.use('*', async (c, next) => {
    c.set('db', options.db);
    c.set('analytic', options.analytic ?? noAnalytics);
    c.set('dataDir', options.dataDir ?? '');
    await next();
  });
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    await sql`select 1`.execute(options.db);
    return c.json({ status: 'ready' });
  });
  app.use('/api/v1/*', authenticate);
  const v1 = new OpenAPIHono<ServerEnv>({ defaultHook: app.defaultHook });
  // Everything under /api/v1 needs a caller, except logging in and out.
  const open = new Set(['/api/v1/auth/login', '/api/v1/auth/logout']);
  v1.use('*', (c, next) => (open.has(c.req.path) ? next() : requireActor(c, next)));
  v1.route(
    '/auth',
    authRoutes(options.limiter ?? new LoginLimiter(), {
      secureCookies: options.secureCookies ?? false,
      trustProxy: options.trustProxy ?? false,
    }),
  );
  v1.route('/auth', passwordRoutes());
  v1.route('/auth', profileRoutes());
  // Before the /{id} routes: "facets" and "export" are not account ids.
  v1.route('/accounts', accountFacetsRoutes());
  v1.route('/accounts', accountExportRoutes());
  v1.route('/accounts', accountRoutes());
  v1.route('/accounts', accountTeamRoutes());
  v1.route('/accounts', accountMetricsRoutes());
  v1.route('/accounts/:accountId/contacts', contactRoutes());
  v1.route('/accounts/:accountId/activities', activityRoutes());
  v1.route('/users', userRoutes());
  v1.route('/tokens', tokenRoutes());
  v1.route('/settings', settingRoutes());
  v1.route('/portfolio', portfolioRoutes());
  v1.route('/portfolio', potentialRunRoutes());
  v1.route('/accounts', accountPotentialRoutes());
  v1.route('/imports', importRoutes(log, options.importJobs ?? importJobs(log)));
  app.route('/api/v1', v1);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Kontor API',
      version: '1',
      description: 'Key-account management: accounts, plans, portfolio.',
    },
  });
  app.route('/api/docs', apiDocs());
  // Unknown API paths are JSON 404s; every other GET belongs to the web app.
  app.all('/api/*', (c) => c.notFound());
  app.route('/', webApp(options.webRoot));
  app.notFound((c) =>
    c.json(
      { error: { code: 'not_found', message: `There is no ${c.req.method} ${c.req.path}.`, details: [] } },
      404,
    ),
  );
  app.onError((error, c) => {
    if (error instanceof KontorError) {
      return c.json(
        { error: { code: error.code, message: error.message, details: error.details } },
        HTTP_STATUS[error.code],
      );
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(
        { error: { code: 'validation', message: error.message || 'The request is not valid.', details: [] } },
        error.status,
      );
    }
    // Never a stack trace to the caller; the log has the message and the stack.
    log(
      JSON.stringify({
        time: new Date().toISOString(),
        level: 'error',
        method: c.req.method,
        path: c.req.path,
        error: error.message,
        stack: error.stack,
      }),
    );
    return c.json(
      {
        error: {
          code: 'internal',
          message: 'Something went wrong on the server. It has been logged.',
          details: [],
        },
      },
      500,
    );
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

async function noAnalytics(): Promise<AnalyticStore> {
  throw new KontorError('store_locked', 'This server was started without access to the sales data.');
}
