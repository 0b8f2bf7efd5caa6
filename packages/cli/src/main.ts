import { Command } from 'commander';
import { commands } from './commands';

/** Builds the `phq-tokens` program. Exported for tests, which run it in-process too. */
export function buildProgram(): Command {
  const program = new Command('phq-tokens')
    .description('Manage PredictHQ API tokens and find unfilled placeholders and hardcoded tokens.')
    .version('0.1.0')
    .showHelpAfterError()
    // Throw instead of exiting so cli.ts can map usage errors to exit code 2 (docs/cli.md).
    // Set before the commands are added: subcommands inherit it.
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}
