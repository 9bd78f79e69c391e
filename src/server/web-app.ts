import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { ServerEnv } from './env.js';

/**
 * The built web app (dist/web, made by `vite build`) served by the same process as the API. Hashed
 * assets are cached for a year; every other path that is not a file gets index.html, so the browser's
 * router can show /accounts/K100 after a reload.
 */
export function webApp(root = defaultWebRoot()) {
  const app = new Hono<ServerEnv>();
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', (c) =>
      c.text('The web app is not built. Run `npm run build`; the API reference is at /api/docs.', 503),
    );
    return app;
  }
  const relativeRoot = path.relative(process.cwd(), root) || '.';
  app.use('/assets/*', compress(), async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root: relativeRoot }));
  app.get('*', compress(), (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(fs.readFileSync(index, 'utf8'));
  });
  return app;
}

/** KONTOR_WEB_ROOT, else dist/web next to the compiled server (dist/server), or from the sources (src/server) in tests. */
function defaultWebRoot(): string {
  if (process.env.KONTOR_WEB_ROOT) return path.resolve(process.env.KONTOR_WEB_ROOT);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const besideBuild = path.resolve(here, '..', 'web');
  if (fs.existsSync(path.join(besideBuild, 'index.html'))) return besideBuild;
  return path.resolve(here, '..', '..', 'dist', 'web');
}
