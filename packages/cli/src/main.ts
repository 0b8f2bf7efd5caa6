import { Command } from 'commander';
import { commands } from './commands';

/** Builds the `phq-tokens` program. Exported for tests, which run it in-process too. */
export function buildProgram(): Command {
  const program = new Command('phq-tokens')
    .description('Manage PredictHQ API tokens and find unfilled placeholders and hardcoded tokens.')
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}
