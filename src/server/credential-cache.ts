/**
 * Who a bearer token or session cookie belongs to, remembered for a few seconds: resolving it costs two
 * queries, and an API client or a browser sends the same credential with every request.
 *
 * Correctness rules:
 * - Every change that can end or narrow a credential in this process (token revoked, logout, sessions
 *   ended, role or user changed) calls forgetCredentials() after it is committed, so the next request
 *   asks the database again: a revoked token stops working at once.
 * - A lookup that was running while such a change happened is not remembered (it may have read the state
 *   before the change): the cache has an epoch, and forgetting moves it on.
 * - Changes made by another process (the CLI beside a running server) take effect within CREDENTIAL_TTL_MS.
 * - Unknown credentials are not remembered, so guessing cannot fill the memory; the size is capped.
 */
export const CREDENTIAL_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

export class CredentialCache<T> {
  readonly #entries = new Map<string, { value: T; until: number }>();
  #epoch = 0;

  constructor(
    private readonly ttlMs = CREDENTIAL_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The remembered value, or load() asked now; `expiresAt` (ms) shortens how long it is kept. */
  async get(key: string, load: () => Promise<{ value: T; expiresAt?: number } | null>): Promise<T | null> {
    const now = this.now();
    const hit = this.#entries.get(key);
    if (hit && hit.until > now) return hit.value;
    if (hit) this.#entries.delete(key);
    const epoch = this.#epoch;
    const loaded = await load();
    if (!loaded) return null;
    if (epoch === this.#epoch) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(key, {
        value: loaded.value,
        until: Math.min(now + this.ttlMs, loaded.expiresAt ?? Infinity),
      });
    }
    return loaded.value;
  }

  clear(): void {
    this.#epoch += 1;
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

const caches = new Set<CredentialCache<unknown>>();

/** A cache that forgetCredentials() clears. */
export function credentialCache<T>(): CredentialCache<T> {
  const cache = new CredentialCache<T>();
  caches.add(cache as CredentialCache<unknown>);
  return cache;
}

/**
 * Call after committing anything that can end or change a credential or its user. Clears everything:
 * such changes are rare, and a per-user index would be one more thing to get wrong.
 */
export function forgetCredentials(): void {
  for (const cache of caches) cache.clear();
}
