import type { Command } from 'commander';
import { KontorError } from '../../errors.js';
import { createToken } from '../../tokens/token.service.js';
import { ROLES } from '../../users/user.schema.js';
import { addUser, listUsers, resetPassword, setRole } from '../../users/user.service.js';
import { type GlobalOptions, withContext } from '../context.js';
import { table } from '../format.js';

/** These touch only the operational store, so they work beside a running server. */
export function registerUsers(program: Command, globals: () => GlobalOptions): void {
  const user = program.command('user').description('people who use Kontor');
  user
    .command('add')
    .argument('<email>')
    .requiredOption('--role <role>', ROLES.join(', '))
    .option('--name <name>', 'display name (default: the part before @)')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(async (email: string, flags: { role: string; name?: string; passwordStdin?: boolean }) => {
      const password = flags.passwordStdin ? await readStdin() : undefined;
      const created = await withContext(globals(), (c) =>
        addUser(c.store.db, { email, role: flags.role, name: flags.name, password }),
      );
      process.stdout.write(`Added ${created.user.email} as ${created.user.role}.\n`);
      if (!flags.passwordStdin) process.stdout.write(`Password (shown once): ${created.password}\n`);
    });
  user
    .command('list')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const users = await withContext(globals(), (c) => listUsers(c.store.db));
      if (flags.json) process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
      else
        process.stdout.write(
          `${table(
            ['E-mail', 'Name', 'Role'],
            users.map((u) => [u.email, u.name, u.role]),
            [false, false, false],
          )}\n`,
        );
    });
  user
    .command('set-role')
    .argument('<email>')
    .argument('<role>', ROLES.join(', '))
    .action(async (email: string, role: string) => {
      const updated = await withContext(globals(), (c) => setRole(c.store.db, email, role));
      process.stdout.write(`${updated.email} is now ${updated.role}.\n`);
    });
  user
    .command('reset-password')
    .argument('<email>')
    .option('--password-stdin', 'read the new password from standard input instead of generating one')
    .action(async (email: string, flags: { passwordStdin?: boolean }) => {
      const password = flags.passwordStdin ? await readStdin() : undefined;
      const reset = await withContext(globals(), (c) => resetPassword(c.store.db, email, password));
      process.stdout.write(`The password of ${reset.user.email} was reset.\n`);
      if (!flags.passwordStdin) process.stdout.write(`New password (shown once): ${reset.password}\n`);
    });
  const token = program.command('token').description('API tokens for integrations');
  token
    .command('create')
    .argument('<email>', 'the user the token acts for')
    .option('--scope <scope>', 'read or write', 'read')
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (email: string, flags: { scope: string; name: string }) => {
      const created = await withContext(globals(), (c) =>
        createToken(c.store.db, { email }, { name: flags.name, scope: flags.scope }),
      );
      process.stdout.write(
        `Token ${created.token.id} (${created.token.scope}) for ${email}, shown once:\n${created.secret}\n`,
      );
    });
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new KontorError(
      'usage',
      '--password-stdin reads a password piped in, e.g. echo "…" | kontor user add …',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
