import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { DEMO_COMPANY } from '../../demo/index.js';
import { seedDemoWorkspace } from '../../demo/workspace.js';
import { KontorError } from '../../errors.js';
import { importJobs } from '../../imports/import.routes.js';
import { warmDefaultAnalysis } from '../../portfolio/portfolio.memo.js';
import { createApp } from '../../server/app.js';
import { type GlobalOptions, openCliContext } from '../context.js';

interface ServeFlags {
  demo?: boolean;
  port: string;
  host: string;
  trustProxy?: boolean;
  secureCookies?: boolean;
}

export function registerServe(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('run the Kontor server (REST API under /api/v1, OpenAPI at /api/openapi.json)')
    .option('--port <port>', 'port (env PORT)', process.env.PORT ?? '3000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--trust-proxy', 'take the client address from X-Forwarded-For (behind a reverse proxy)')
    .option('--secure-cookies', 'mark the session cookie Secure (when served over HTTPS)')
    .option('--demo', `fill an empty workspace with the demo company ${DEMO_COMPANY.name} and its users`)
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 1 || port > 65_535)
        throw new KontorError('usage', `--port must be 1–65535, not "${flags.port}".`);
      const context = await openCliContext(globals());
      const demo = flags.demo
        ? await seedDemoWorkspace({
            db: context.store.db,
            analytic: context.analytic,
            dataDir: context.dataDir,
          })
        : null;
      const jobs = importJobs((line) => process.stdout.write(`${line}\n`));
      const app = createApp({
        importJobs: jobs,
        db: context.store.db,
        analytic: context.analytic,
        dataDir: context.dataDir,
        trustProxy: flags.trustProxy ?? false,
        secureCookies: flags.secureCookies ?? false,
      });
      const server = serve({ fetch: app.fetch, port, hostname: flags.host });
      await new Promise<void>((resolve, reject) => {
        server.once('listening', () => resolve());
        server.once('error', (error: NodeJS.ErrnoException) =>
          reject(
            error.code === 'EADDRINUSE'
              ? new KontorError('usage', `Port ${port} is in use. Choose another with --port.`)
              : error,
          ),
        );
      });
      // The dashboard's default view, computed while nobody waits for it (seconds at 200,000 accounts).
      const warming = context.analytic().then(
        (store) => warmDefaultAnalysis(context.store.db, store),
        () => {},
      );
      process.stderr.write(
        `Kontor is listening on http://${flags.host}:${port} — API reference at /api/docs (data: ${context.dataDir}, store: ${context.store.location})\n`,
      );
      if (demo) {
        process.stderr.write(
          `${demo.seeded ? 'Demo workspace created' : 'Demo workspace'}: ${DEMO_COMPANY.name}. Logins:\n`,
        );
        for (const login of demo.logins)
          process.stderr.write(`  ${login.role.padEnd(16)} ${login.email.padEnd(28)} ${login.password}\n`);
      }
      // Graceful shutdown: stop accepting, let running requests finish, then close the stores.
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          process.stderr.write(`${signal}: finishing running requests…\n`);
          server.close(() => resolve());
          setTimeout(
            () => (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(),
            10_000,
          ).unref();
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
      // An import that is running finishes (DuckDB commits it or nothing); none starts after this.
      if (jobs.busy) process.stderr.write('Waiting for the running import to finish…\n');
      await jobs.idle();
      await warming;
      await context.close();
      process.stderr.write('Stopped.\n');
    });
}
