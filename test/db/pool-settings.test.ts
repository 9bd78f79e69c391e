import { describe, expect, it } from 'vitest';
import { poolSettings } from '../../src/db/connect.js';

describe('PostgreSQL pool settings', () => {
  it('holds 10 connections unless KONTOR_DB_POOL says otherwise, and keeps two open when idle', () => {
    expect(poolSettings({})).toEqual({ max: 10, min: 2, idleTimeoutMillis: 60_000 });
    expect(poolSettings({ KONTOR_DB_POOL: '25' })).toMatchObject({ max: 25, min: 2 });
    expect(poolSettings({ KONTOR_DB_POOL: '1' })).toMatchObject({ max: 1, min: 1 });
  });

  it('refuses a pool size that is not a number of connections', () => {
    for (const value of ['0', 'ten', '2.5', '-3'])
      expect(() => poolSettings({ KONTOR_DB_POOL: value })).toThrow(/KONTOR_DB_POOL/);
  });
});
