import type { Command } from 'commander';
import { register } from './commands/scan';
import { newProgram } from './program';

/** The program with only `scan`, for dist/scan.js (see cli.ts); same options and help. */
export function buildScanProgram(): Command {
  const program = newProgram();
  register(program);
  return program;
}
