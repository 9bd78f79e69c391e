import type { Command } from 'commander';
import { findAccount } from '../../accounts/account.repository.js';
import { setAccountOverrides } from '../../accounts/account.service.js';
import { KontorError } from '../../errors.js';
import { type GlobalOptions, withContext } from '../context.js';

interface SetFlags {
  name?: string;
  segment?: string;
  region?: string;
  owner?: string;
  tier?: string;
  class?: string;
  reason?: string;
  wallet?: string;
  json?: boolean;
}

export function registerAccount(program: Command, globals: () => GlobalOptions): void {
  const account = program.command('account').description('look at or change one account');
  account
    .command('show')
    .argument('<id>', 'account id (the customer id of the sales data)')
    .option('--json', 'print JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      const found = await withContext(globals(), (context) => findAccount(context.store.db, id));
      if (!found) throw new KontorError('not_found', `There is no account "${id}".`);
      process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
      void flags;
    });
  account
    .command('set')
    .description('set a class or tier by hand (with a reason), or a share-of-wallet estimate')
    .argument('<id>', 'account id')
    .option('--tier <tier>', 'green, transactional, or auto to let the rules decide (METHOD G1)')
    .option('--class <class>', 'A, B, C, or auto (METHOD P3: e.g. a strategic A)')
    .option('--reason <text>', 'why: required when setting a tier or class')
    .option(
      '--wallet <amount>',
      'estimated total spend of the customer in our category per year; "none" removes it',
    )
    .option('--name <name>', 'correct the name (later imports keep your edit)')
    .option('--segment <segment>', 'set the segment (later imports keep your edit)')
    .option('--region <region>', 'set the region (later imports keep your edit)')
    .option('--owner <owner>', 'set the account owner (later imports keep your edit)')
    .option('--json', 'print the account as JSON')
    .action(async (id: string, flags: SetFlags) => {
      if (flags.tier && !['green', 'transactional', 'auto'].includes(flags.tier)) {
        throw new KontorError('usage', `--tier must be green, transactional or auto, not "${flags.tier}".`);
      }
      const abcClass = flags.class?.toUpperCase();
      if (abcClass && !['A', 'B', 'C', 'AUTO'].includes(abcClass)) {
        throw new KontorError('usage', `--class must be A, B, C or auto, not "${flags.class}".`);
      }
      const attributes = {
        name: flags.name,
        segment: flags.segment,
        region: flags.region,
        owner: flags.owner,
      };
      const anyAttribute = Object.values(attributes).some((value) => value !== undefined);
      if (!flags.tier && !abcClass && flags.wallet === undefined && !anyAttribute) {
        throw new KontorError(
          'usage',
          'Say what to set: --tier, --class, --wallet, --name, --segment, --region or --owner.',
        );
      }
      const updated = await withContext(globals(), (context) =>
        setAccountOverrides(context.store.db, id, {
          tier: flags.tier as 'green' | 'transactional' | 'auto' | undefined,
          class: abcClass === 'AUTO' ? 'auto' : (abcClass as 'A' | 'B' | 'C' | undefined),
          reason: flags.reason,
          wallet: flags.wallet === undefined ? undefined : flags.wallet === 'none' ? null : flags.wallet,
          attributes,
          by: `cli:${process.env.USER ?? 'unknown'}`,
        }),
      );
      if (flags.json) process.stdout.write(`${JSON.stringify(updated, null, 2)}\n`);
      else {
        const parts = [
          updated.manualTier
            ? `tier ${updated.manualTier.tier} (${updated.manualTier.reason})`
            : 'tier by the rules',
          updated.manualClass
            ? `class ${updated.manualClass.class} (${updated.manualClass.reason})`
            : 'class by the rules',
          updated.wallet ? `wallet ${updated.wallet}` : null,
        ].filter(Boolean);
        process.stdout.write(
          `${updated.name} (${updated.id}): ${parts.join(', ')}. Run kontor analyze to see the effect.\n`,
        );
      }
    });
}
