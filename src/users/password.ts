import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/**
 * scrypt from Node's crypto (OpenSSL): a memory-hard password hash maintained with Node itself, so there
 * is no native add-on to build. Parameters are stored with each hash, so they can be raised later.
 * N = 2^15, r = 8, p = 1 uses 32 MiB and ~100 ms per hash on this class of machine.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1, keylen: 64 };

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password, salt, PARAMS.keylen, { ...params(PARAMS), maxmem: 128 * 1024 * 1024 });
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    ...params({ N: Number(n), r: Number(r), p: Number(p) }),
    maxmem: 128 * 1024 * 1024,
  });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** A password people can type: 20 characters from a 57-letter alphabet without look-alikes (~116 bits). */
export function generatePassword(length = 20): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    // Rejection sampling keeps every letter equally likely.
    if (bytes[i]! < 256 - (256 % alphabet.length)) out += alphabet[bytes[i]! % alphabet.length];
  }
  return out.length === length ? out : generatePassword(length);
}

/** A random secret for sessions and API tokens, and the hash under which it is stored. */
export function newSecret(prefix = ''): { secret: string; hash: string } {
  const secret = `${prefix}${crypto.randomBytes(32).toString('base64url')}`;
  return { secret, hash: secretHash(secret) };
}

export function secretHash(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

function params(p: { N: number; r: number; p: number }): crypto.ScryptOptions {
  return { N: p.N, r: p.r, p: p.p };
}
