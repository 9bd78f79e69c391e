import { Command, CommanderError } from 'commander';
import { EXIT_CODE, KontorError } from '../errors.js';
import { registerAccount } from './commands/account.js';
import { registerAdmin } from './commands/admin.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerDemo } from './commands/demo.js';
import { registerImport } from './commands/import.js';
import { registerPotential } from './commands/potential.js';
import { registerServe } from './commands/serve.js';
import { registerUsers } from './commands/users.js';
import type { GlobalOptions } from './context.js';

export function buildProgram(): Command {
  const program = new Command('kontor')
    .description('Kontor: key-account management. Which customers carry the business, and where to focus.')
    .option('--data-dir <dir>', 'where Kontor keeps its data (env KONTOR_DATA_DIR; default ./kontor-data)')
    .showHelpAfterError()
    .exitOverride();
  const globals = () => program.opts<GlobalOptions>();
  registerServe(program, globals);
  registerDemo(program, globals);
  registerImport(program, globals);
  registerAnalyze(program, globals);
  registerPotential(program, globals);
  registerAccount(program, globals);
  registerUsers(program, globals);
  registerAdmin(program, globals);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 usage error, 2 bad data. Never prints a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.exitCode === 0
      ? 0
      : 1;
  }
  if (error instanceof KontorError) {
    process.stderr.write(`Error: ${error.message}\n`);
    for (const detail of error.details.slice(0, 20)) {
      process.stderr.write(
        `  ${[detail.line ? `line ${detail.line}` : null, detail.field].filter(Boolean).join(', ')}: ${detail.message}\n`,
      );
    }
    return EXIT_CODE[error.code];
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Error: ${message}\n`);
  if (process.env.KONTOR_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else
    process.stderr.write('This is unexpected. Run again with KONTOR_DEBUG=1 for details, and report it.\n');
  return 1;
}
