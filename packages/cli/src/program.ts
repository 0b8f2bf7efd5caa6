import { Command } from 'commander';
import { VERSION } from './version';

/** The bare `phq-tokens` program, before any command is added (shared by main.ts and scan-program.ts). */
export function newProgram(): Command {
  return (
    new Command('phq-tokens')
      .description('Manage PredictHQ API tokens and find unfilled placeholders and hardcoded tokens.')
      .version(VERSION)
      .showHelpAfterError()
      // Throw instead of exiting so cli.ts can map usage errors to exit code 2 (docs/cli.md).
      // Set before the commands are added: subcommands inherit it.
      .exitOverride()
  );
}
