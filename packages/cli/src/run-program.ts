import { CommanderError, type Command } from 'commander';
import { exitCodeFor } from './runtime/exit-codes';

/** Parses the command line and runs the command; usage errors become exit code 2. */
export async function runProgram(program: Command): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    // Commander has already printed its message (unknown option, missing argument, help).
    if (e instanceof CommanderError) process.exitCode = exitCodeFor(e);
    else throw e;
  }
}
