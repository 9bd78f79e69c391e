import type { Command } from 'commander';
import { KontorError } from '../../errors.js';
import { estimatePotential } from '../../potential/potential.service.js';
import { getSettings } from '../../settings/setting.service.js';
import { type GlobalOptions, withContext } from '../context.js';
import { renderPotential } from '../potential-report.js';

interface PotentialFlags {
  calibrationEnd?: string;
  holdoutEnd?: string;
  unit: string;
  horizon?: string;
  model: string;
  json?: boolean;
  accounts?: boolean | string;
  publish: boolean;
}

export function registerPotential(program: Command, globals: () => GlobalOptions): void {
  program
    .command('potential')
    .description(
      'customer potential: expected purchases, revenue, P(alive) and CLV per account (BG/NBD or Pareto/NBD + Gamma-Gamma)',
    )
    .option('--calibration-end <date>', 'fit on the history up to this date (default: the latest sale)')
    .option(
      '--holdout-end <date>',
      'validate: compare predictions with what happened after --calibration-end up to this date',
    )
    .option('--unit <unit>', 'day or week', 'week')
    .option('--horizon <n>', 'prediction horizon in units (default 52 weeks or 365 days)')
    .option('--model <model>', 'bgnbd or pnbd', 'bgnbd')
    .option('--json', 'print the result as JSON (see docs/potential-json.md)')
    .option(
      '--accounts [n]',
      'include accounts (JSON: all; terminal: the n with the most potential, default 20)',
    )
    .option('--no-publish', 'do not store the result for the analysis and the app')
    .action(async (flags: PotentialFlags) => {
      if (flags.unit !== 'day' && flags.unit !== 'week')
        throw new KontorError('usage', `--unit must be day or week, not "${flags.unit}".`);
      if (flags.model !== 'bgnbd' && flags.model !== 'pnbd')
        throw new KontorError('usage', `--model must be bgnbd or pnbd, not "${flags.model}".`);
      const horizon = flags.horizon === undefined ? undefined : Number(flags.horizon);
      if (horizon !== undefined && !(horizon > 0))
        throw new KontorError('usage', `--horizon must be a positive number, not "${flags.horizon}".`);
      const report = await withContext(globals(), async (context) =>
        estimatePotential(
          {
            analytic: await context.analytic(),
            db: context.store.db,
            settings: await getSettings(context.store.db),
          },
          {
            calibrationEnd: flags.calibrationEnd,
            holdoutEnd: flags.holdoutEnd,
            unit: flags.unit as 'day' | 'week',
            horizon,
            model: flags.model as 'bgnbd' | 'pnbd',
            publish: flags.publish,
          },
        ),
      );
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify(flags.accounts ? report : { ...report, accounts: undefined }, null, 2)}\n`,
        );
      } else {
        const count =
          flags.accounts === undefined ? 0 : flags.accounts === true ? 20 : Number(flags.accounts);
        process.stdout.write(`${renderPotential(report, { accounts: count })}\n`);
      }
    });
}
