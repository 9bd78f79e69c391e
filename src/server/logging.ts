import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from './env.js';

/**
 * One JSON line per request: method, path (without the query, which may carry search terms), status,
 * duration and the user id. Never headers, bodies, cookies or tokens.
 */
export function requestLog(write: (line: string) => void) {
  return createMiddleware<ServerEnv>(async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const actor = c.get('actor');
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
          user: actor?.user.id ?? null,
        }),
      );
    }
  });
}
