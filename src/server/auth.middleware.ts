import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { KontorError } from '../errors.js';
import { resolveSession } from '../sessions/session.service.js';
import { resolveToken } from '../tokens/token.service.js';
import type { ServerEnv } from './env.js';

export const SESSION_COOKIE = 'kontor_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller. A cookie-authenticated write must carry the session's CSRF token in the
 * X-CSRF-Token header (a forged cross-site form cannot read it); bearer tokens are not sent by browsers
 * on their own, so they need none.
 */
export const authenticate = createMiddleware<ServerEnv>(async (c, next) => {
  const db = c.get('db');
  c.set('actor', null);
  c.set('sessionSecret', null);
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const resolved = match ? await resolveToken(db, match[1]!) : null;
    if (!resolved) throw new KontorError('unauthenticated', 'The API token is not valid or was revoked.');
    c.set('actor', {
      user: resolved.user,
      via: 'token',
      tokenId: resolved.tokenId,
      canWrite: resolved.scope === 'write',
      csrfToken: null,
    });
    return next();
  }
  const secret = getCookie(c, SESSION_COOKIE);
  if (secret) {
    const session = await resolveSession(db, secret);
    if (session) {
      if (UNSAFE.has(c.req.method) && c.req.header('x-csrf-token') !== session.csrfToken) {
        throw new KontorError(
          'forbidden',
          'This change is missing its CSRF token. Reload the page and try again.',
        );
      }
      c.set('actor', {
        user: session.user,
        via: 'session',
        tokenId: null,
        canWrite: true,
        csrfToken: session.csrfToken,
      });
      c.set('sessionSecret', secret);
    }
  }
  return next();
});

/** Every /api/v1 route except login needs a caller. */
export const requireActor = createMiddleware<ServerEnv>(async (c, next) => {
  if (!c.get('actor')) throw new KontorError('unauthenticated', 'Log in first (or send an API token).');
  return next();
});
