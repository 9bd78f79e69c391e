import { KontorError } from '../errors.js';

/**
 * Failed logins per key (the e-mail, and the client address) in a sliding window. In memory: one
 * process serves the app; behind several processes use a shared store (not needed on one machine).
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  check(keys: string[], now = Date.now()): void {
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.maxFailures) {
        const retry = Math.ceil((recent[0]! + this.windowMs - now) / 60_000);
        throw new KontorError(
          'rate_limited',
          `Too many failed logins. Try again in ${retry} minute${retry === 1 ? '' : 's'}.`,
        );
      }
    }
  }

  fail(keys: string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
  }
}
