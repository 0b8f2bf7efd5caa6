import { DEFAULT_ENV_VAR } from '@phq-tokens/settings';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { validateScopes, validateTokenName } from '@phq-tokens/core';
import { action, withClient } from '../runtime/action';
import { info, out } from '../runtime/io';
import { checkEnvFile, checkOutFile, ensureGitignored, upsertEnvVar, writeOutFile } from '../runtime/secret-files';
import { UsageError } from '../runtime/exit-codes';
import { connection, str, strList, withApiUrl } from './options';
import { quoteName } from '../scan/quote-path';

const collect = (v: string, prev: string[] = []) => [...prev, v];

/**
 * Creates a token. Its value is shown once: on stdout (and nothing else is), or written to
 * --out-file / --env-file. Every local check runs before the request, so a typo in a path
 * never costs a secret that can no longer be read.
 */
export function register(program: Command): void {
  withApiUrl(
    program
      .command('create')
      .description('Create a token; its value is printed once to stdout, or written to a file')
      .requiredOption('--name <name>', 'token name (1..100 characters; "Client | Token" for a legacy-style name)')
      .option('--scope <scope>', 'a scope id, repeatable (default: every scope; see "phq-tokens scopes")', collect)
      .option('--out-file <file>', 'write the value to this new file (mode 600) instead of stdout')
      .option(
        '--env-file <file>',
        'set the value in this env file (mode 600: created so, or made owner-only) and make .gitignore cover it',
      )
      .option('--env-var <name>', 'variable name for --env-file', DEFAULT_ENV_VAR)
      .option('--idempotency-key <key>', 'reuse a key to make re-running this exact create safe (default: a new UUID)'),
  ).action(
    action(async (ctx, opts: unknown) => {
      const name = validateTokenName(str(opts, 'name'));
      const scopes = strList(opts, 'scope');
      const outFile = str(opts, 'outFile');
      const envFile = str(opts, 'envFile');
      const envVar = str(opts, 'envVar') ?? DEFAULT_ENV_VAR;
      if (outFile && envFile) throw new UsageError('Use either --out-file or --env-file, not both.');
      if (outFile) checkOutFile(outFile);
      if (envFile) checkEnvFile(envFile, envVar);

      const created = await withClient(ctx, connection(opts), async (c) => {
        const checked = scopes ? validateScopes(scopes, await c.scopes({ signal: ctx.signal })) : undefined;
        return c.create(name, { scopes: checked, idempotencyKey: str(opts, 'idempotencyKey'), signal: ctx.signal });
      });

      info(
        `Created token ${created.id} ${quoteName(created.name)} with scopes: ${created.scopes.join(', ')}${
          created.replayed ? ' (replayed: this key was used before)' : ''
        }.`,
      );
      try {
        if (outFile) {
          writeOutFile(outFile, created.value);
          info(`Wrote the token value to ${outFile} (mode 600).`);
        } else if (envFile) {
          const { how, tightenedFrom, link, target } = upsertEnvVar(envFile, envVar, created.value);
          const gi = ensureGitignored(envFile);
          info(
            `${how === 'updated' ? 'Updated' : 'Set'} ${envVar} in ${envFile}${how === 'created' ? ' (new file, mode 600)' : ''}` +
              `${link ? ` (a symbolic link: written through to ${target})` : ''}.`,
          );
          if (tightenedFrom !== undefined) {
            const octal = (m: number) => m.toString(8).padStart(3, '0');
            info(
              `warning: ${envFile} was readable by other users (mode ${octal(tightenedFrom)}); it now holds a token, ` +
                `so its mode is now ${octal(statSync(envFile).mode & 0o777)}. ` +
                `If others must read it, run "chmod ${octal(tightenedFrom)} ${envFile}" (they can then read the token).`,
            );
          }
          info(
            gi.changed
              ? `Added ${path.basename(envFile)} to ${gi.gitignore} so it is not committed.`
              : `${envFile} is already covered by a .gitignore.`,
          );
        } else {
          out(created.value);
          info('This is the only time the value is shown: store it in a secrets manager now.');
        }
      } catch (e) {
        // The value cannot be fetched again; say which token to delete rather than print it.
        throw new Error(
          `The token ${created.id} was created but its value could not be written (${(e as Error).message}). ` +
            `Delete it with "phq-tokens delete ${created.id} --yes" and create another.`,
          { cause: e },
        );
      }
    }),
  );
}
