import { afterAll, beforeAll, expect, it } from 'vitest';
import { endSession, resolveSession, startSession } from '../../src/sessions/session.service.js';
import { createToken, listTokens, resolveToken, revokeToken } from '../../src/tokens/token.service.js';
import { addUser, authenticate, resetPassword, setRole } from '../../src/users/user.service.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';
import { runCli } from '../helpers/cli.js';

describeEachBackend('people: users, passwords, tokens, sessions', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await backend.create();
  });
  afterAll(() => store.drop());

  it('stores only a scrypt hash and checks passwords without telling unknown users apart', async () => {
    const { user, password } = await addUser(store.db, {
      email: ' Anna@Example.COM ',
      role: 'account_manager',
    });
    expect(user).toMatchObject({ email: 'anna@example.com', name: 'anna', role: 'account_manager' });
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    const row = await store.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(row.password_hash).not.toContain(password);
    expect((await authenticate(store.db, 'anna@example.com', password)).id).toBe(user.id);
    const wrong = await authenticate(store.db, 'anna@example.com', `${password}x`).catch((e: Error) => e);
    const unknown = await authenticate(store.db, 'nobody@example.com', password).catch((e: Error) => e);
    expect(wrong).toMatchObject({ code: 'unauthenticated' });
    expect(unknown).toMatchObject({ code: 'unauthenticated', message: (wrong as Error).message });
  });

  it('refuses duplicates, unknown roles and short passwords', async () => {
    await expect(addUser(store.db, { email: 'anna@example.com', role: 'viewer' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(addUser(store.db, { email: 'b@example.com', role: 'boss' })).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(
      addUser(store.db, { email: 'b@example.com', role: 'viewer', password: 'short' }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(addUser(store.db, { email: 'not-an-email', role: 'viewer' })).rejects.toMatchObject({
      code: 'validation',
    });
  });

  it('changes roles and resets passwords', async () => {
    expect((await setRole(store.db, 'anna@example.com', 'manager')).role).toBe('manager');
    const { password } = await resetPassword(store.db, 'anna@example.com', 'a new password 1');
    expect(password).toBe('a new password 1');
    expect((await authenticate(store.db, 'anna@example.com', 'a new password 1')).role).toBe('manager');
  });

  it('keeps API tokens hashed, scoped and revocable', async () => {
    const { token, secret } = await createToken(
      store.db,
      { email: 'anna@example.com' },
      { name: 'ERP sync', scope: 'write' },
    );
    expect(secret).toMatch(/^kt_[A-Za-z0-9_-]{43}$/);
    const stored = await store.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);
    const resolved = await resolveToken(store.db, secret);
    expect(resolved).toMatchObject({
      scope: 'write',
      tokenId: token.id,
      user: { email: 'anna@example.com' },
    });
    await revokeToken(store.db, resolved!.user.id, token.id);
    expect(await resolveToken(store.db, secret)).toBeNull();
    expect((await listTokens(store.db, resolved!.user.id))[0]?.revokedAt).not.toBeNull();
    await expect(
      createToken(store.db, { email: 'anna@example.com' }, { name: 'x', scope: 'admin' }),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('ends sessions on logout and after 12 hours', async () => {
    const user = await authenticate(store.db, 'anna@example.com', 'a new password 1');
    const started = await startSession(store.db, user.id, new Date('2026-01-01T08:00:00Z'));
    expect(await resolveSession(store.db, started.secret, new Date('2026-01-01T19:59:00Z'))).toMatchObject({
      csrfToken: started.csrfToken,
    });
    expect(await resolveSession(store.db, started.secret, new Date('2026-01-01T20:00:00Z'))).toBeNull();
    const second = await startSession(store.db, user.id);
    await endSession(store.db, second.secret);
    expect(await resolveSession(store.db, second.secret)).toBeNull();
  });

  it('works from the CLI: add, list, set-role, reset-password, token create', async () => {
    const env = { dataDir: store.dataDir, databaseUrl: store.databaseUrl };
    const added = await runCli(['user', 'add', 'viewer@example.com', '--role', 'viewer'], env);
    expect(added.code, added.stderr).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(added.stdout)?.[1];
    expect(password).toHaveLength(20);
    expect((await runCli(['user', 'set-role', 'viewer@example.com', 'manager'], env)).stdout).toContain(
      'is now manager',
    );
    const list = JSON.parse((await runCli(['user', 'list', '--json'], env)).stdout) as {
      email: string;
      role: string;
    }[];
    expect(list.find((u) => u.email === 'viewer@example.com')?.role).toBe('manager');
    const reset = await runCli(['user', 'reset-password', 'viewer@example.com'], env);
    expect(reset.stdout).toMatch(/New password \(shown once\): \S{20}/);
    const token = await runCli(['token', 'create', 'viewer@example.com', '--scope', 'read'], env);
    expect(token.stdout).toMatch(/kt_[A-Za-z0-9_-]{43}/);
    const bad = await runCli(['user', 'add', 'x@example.com', '--role', 'emperor'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('role');
  });
});
