import type { Kysely } from 'kysely';
import type { AnalyticStore } from '../analytics/analytic-store.js';
import type { Database } from '../db/schema.js';
import type { User } from '../users/user.schema.js';

/** Who is calling: a person with a session cookie, or an integration with an API token. */
export interface Actor {
  user: User;
  via: 'session' | 'token';
  tokenId: number | null;
  /** Tokens are read or write; sessions may write (as the role allows). */
  canWrite: boolean;
  csrfToken: string | null;
}

export interface ServerEnv {
  Variables: {
    db: Kysely<Database>;
    analytic: () => Promise<AnalyticStore>;
    dataDir: string;
    actor: Actor | null;
    sessionSecret: string | null;
  };
}
