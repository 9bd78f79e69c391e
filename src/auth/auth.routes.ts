import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { KontorError } from '../errors.js';
import { SESSION_COOKIE } from '../server/auth.middleware.js';
import type { ServerEnv } from '../server/env.js';
import type { LoginLimiter } from '../server/rate-limit.js';
import { endSession, SESSION_HOURS, startSession } from '../sessions/session.service.js';
import { authenticate } from '../users/user.service.js';
import { errorSchema, userSchema } from './auth.schema.js';

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ email: z.string().min(1), password: z.string().min(1) }).strict(),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'Logged in; the session cookie is set',
      content: { 'application/json': { schema: z.object({ user: userSchema, csrfToken: z.string() }) } },
    },
    401: {
      description: 'Wrong e-mail or password',
      content: { 'application/json': { schema: errorSchema } },
    },
    429: { description: 'Too many failed logins', content: { 'application/json': { schema: errorSchema } } },
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  responses: { 204: { description: 'Logged out' } },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  responses: {
    200: {
      description: 'The caller',
      content: {
        'application/json': {
          schema: z.object({
            user: userSchema,
            via: z.enum(['session', 'token']),
            csrfToken: z.string().nullable(),
          }),
        },
      },
    },
    401: { description: 'Not logged in', content: { 'application/json': { schema: errorSchema } } },
  },
});

export function authRoutes(limiter: LoginLimiter, options: { secureCookies: boolean; trustProxy: boolean }) {
  return new OpenAPIHono<ServerEnv>()
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid('json');
      const keys = [`email:${email.trim().toLowerCase()}`, `address:${clientAddress(c, options.trustProxy)}`];
      limiter.check(keys);
      let user: Awaited<ReturnType<typeof authenticate>>;
      try {
        user = await authenticate(c.get('db'), email, password);
      } catch (error) {
        if (error instanceof KontorError && error.code === 'unauthenticated') limiter.fail(keys);
        throw error;
      }
      limiter.succeed(keys);
      const session = await startSession(c.get('db'), user.id);
      c.set('actor', { user, via: 'session', tokenId: null, canWrite: true, csrfToken: session.csrfToken });
      setCookie(c, SESSION_COOKIE, session.secret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: options.secureCookies,
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return c.json({ user, csrfToken: session.csrfToken }, 200);
    })
    .openapi(logout, async (c) => {
      const secret = c.get('sessionSecret');
      if (secret) await endSession(c.get('db'), secret);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(me, (c) => {
      const actor = c.get('actor');
      if (!actor) throw new KontorError('unauthenticated', 'Log in first (or send an API token).');
      return c.json({ user: actor.user, via: actor.via, csrfToken: actor.csrfToken }, 200);
    });
}

/** The peer address as the server sees it; with --trust-proxy the first X-Forwarded-For entry. */
function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process'; // app.request() in tests has no socket
  }
}
