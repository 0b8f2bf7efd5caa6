import type { Command } from 'commander';
import { commands } from './commands';
import { newProgram } from './program';

/** Builds the `phq-tokens` program. Exported for tests, which run it in-process too. */
export function buildProgram(): Command {
  const program = newProgram();
  for (const register of commands) register(program);
  return program;
}
