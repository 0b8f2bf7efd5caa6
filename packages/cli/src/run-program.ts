import { CommanderError, type Command } from 'commander';
import { exitCodeFor } from './runtime/exit-codes';

const HELP_FLAGS = new Set(['-h', '--help']);

/**
 * Commander answers `phq-tokens no-such-command --help` (and `help no-such-command`) with
 * the main help and exit 0, so a typo in a script passes. When the first operand names no
 * command, drop the help request: commander then reports the unknown command (exit 2).
 */
export function withoutHelpForUnknownCommand(program: Command, args: readonly string[]): string[] {
  const known = new Set(program.commands.flatMap((c) => [c.name(), ...c.aliases()]));
  const operands = args.filter((a) => !a.startsWith('-'));
  const first = operands[0];
  if (first === undefined) return [...args];
  if (first === 'help') {
    const target = operands[1];
    return target !== undefined && !known.has(target) ? [target] : [...args];
  }
  return known.has(first) ? [...args] : args.filter((a) => !HELP_FLAGS.has(a));
}

/** Parses the command line and runs the command; usage errors become exit code 2. */
export async function runProgram(program: Command): Promise<void> {
  try {
    const [node, script, ...args] = process.argv;
    await program.parseAsync([node!, script!, ...withoutHelpForUnknownCommand(program, args)]);
  } catch (e) {
    // Commander has already printed its message (unknown option, missing argument, help).
    if (e instanceof CommanderError) process.exitCode = exitCodeFor(e);
    else throw e;
  }
}
