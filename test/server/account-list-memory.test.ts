import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/accounts/account-list.count.js';
import type { Database } from '../../src/db/schema.js';

describe('what the account list remembers between requests', () => {
  const db = {} as Kysely<Database>;

  it('computes once for requests arriving together, again when the stamp moves', async () => {
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return runs;
    };
    const together = await Promise.all([1, 2, 3].map(() => remembered(db, 'counts', 's1', 'k', compute)));
    expect(together).toEqual([1, 1, 1]);
    expect(await remembered(db, 'counts', 's1', 'k', compute)).toBe(1);
    expect(await remembered(db, 'counts', 's2', 'k', compute)).toBe(2);
    expect(await remembered(db, 'counts', 's2', 'other', compute)).toBe(3);
  });

  it('does not remember a failure', async () => {
    await expect(remembered(db, 'pages', 's1', 'f', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await remembered(db, 'pages', 's1', 'f', async () => 'fine')).toBe('fine');
  });
});
