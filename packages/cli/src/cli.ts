// Entry point of the `phq-tokens` bin (bundled to dist/cli.js by build.mjs).
import { CommanderError } from 'commander';
import { buildProgram } from './main';
import { exitCodeFor } from './runtime/exit-codes';

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (e) {
    // Commander has already printed its message (unknown option, missing argument, help).
    if (e instanceof CommanderError) process.exitCode = exitCodeFor(e);
    else throw e;
  }
}

void main();
