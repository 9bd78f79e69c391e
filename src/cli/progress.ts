import cliProgress from 'cli-progress';
import type { ImportProgress } from '../import/import.schema.js';

const LABELS = { reading: 'Reading ', checking: 'Checking', saving: 'Saving  ' } as const;

/** A progress bar on a terminal; nothing at all when output goes to a file, a pipe or --json. */
export function importProgressBar(enabled: boolean): {
  onProgress: ImportProgress | undefined;
  stop(): void;
} {
  if (!enabled || !process.stderr.isTTY) return { onProgress: undefined, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: '{phase} [{bar}] {percentage}%',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { phase: LABELS.reading });
  return {
    onProgress: (phase, fraction) => bar.update(Math.round(fraction * 100), { phase: LABELS[phase] }),
    stop: () => bar.stop(),
  };
}
