// `phq-tokens run [--env-var NAME] (--stdin | --env-file FILE | --keyring [NAME]) -- <command...>`:
// the command runs with the token in its environment; nothing is written anywhere
// (docs/cli.md, "run"). Its exit code (or 128 + signal) is phq-tokens' exit code.
import type { Command } from 'commander';
import { DEFAULT_ENV_VAR, isEnvVarName } from '@phq-tokens/settings';
import { describeError } from '../runtime/describe-error';
import { ExitCode, UsageError, exitCodeFor } from '../runtime/exit-codes';
import { info } from '../runtime/io';
import { CommandNotFound, runChild } from '../run/child';
import { readToken, sourceFrom } from '../run/sources';
import { bool, str } from './options';

export function register(program: Command): void {
  program
    .command('run')
    .description(
      'Run a command with a token in its environment (from --stdin, --env-file or the OS keyring); nothing is written to disk',
    )
    .argument('<command...>', 'the command and its arguments, after --')
    .option('--env-var <name>', `the variable the command reads (default ${DEFAULT_ENV_VAR})`)
    .option('--stdin', 'read the token from standard input (the command then gets an empty stdin)')
    .option('--env-file <file>', 'read the token from this .env file (the --env-var entry)')
    .option(
      '--keyring [name]',
      'read the token from the OS keyring (entry stored with "keyring store"; default name "default")',
    )
    .action(async (argv: string[], opts: unknown) => {
      // Not the shared action() wrapper: its Ctrl+C handling would end phq-tokens before the command.
      try {
        const varName = str(opts, 'envVar') ?? DEFAULT_ENV_VAR;
        if (!isEnvVarName(varName)) throw new UsageError(`--env-var: "${varName}" is not a variable name.`);
        const keyring = (opts as { keyring?: string | true }).keyring;
        const source = sourceFrom({ stdin: bool(opts, 'stdin'), envFile: str(opts, 'envFile'), keyring, varName });
        const token = await readToken(source);
        process.exitCode = await runChild(
          argv,
          { ...process.env, [varName]: token },
          source.kind === 'stdin' ? 'ignore' : 'inherit',
        );
      } catch (e) {
        if (e instanceof CommandNotFound) {
          info(`phq-tokens run: ${e.message}`);
          process.exitCode = 127;
          return;
        }
        info(describeError(e, undefined));
        process.exitCode = exitCodeFor(e) || ExitCode.failed;
      }
    });
}
