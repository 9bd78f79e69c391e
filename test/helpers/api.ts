import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { App } from '../../src/server/app.js';
import type { Role } from '../../src/users/user.schema.js';
import { addUser } from '../../src/users/user.service.js';

export interface Caller {
  userId: number;
  /** The session cookie and the CSRF token a browser would send with a write. */
  headers: Record<string, string>;
}

/** Creates a user with the role and logs in through the API, as the web app does. */
export async function loginAs(
  app: App,
  db: Kysely<Database>,
  role: Role,
  email = `${role}@example.com`,
): Promise<Caller> {
  const { user, password } = await addUser(db, { email, role });
  const response = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password }),
  });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    userId: user.id,
    headers: { cookie: response.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken },
  };
}
