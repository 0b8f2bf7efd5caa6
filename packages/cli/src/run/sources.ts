// Where `phq-tokens run` gets the token from: stdin, an env file, or the OS keyring. Never from
// argv (shell history, ps). See docs/cli.md, "run", and docs/dependencies.md for the keyring.
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { cleanTokenInput } from '@phq-tokens/core';
import { UsageError } from '../runtime/exit-codes';
import { readStdin } from '../runtime/io';
import { readKeyring } from './keyring';

export type TokenSource =
  { kind: 'stdin' } | { kind: 'env-file'; file: string; varName: string } | { kind: 'keyring'; account: string };

/** The one source the flags name; more than one, or none, is a usage error. */
export function sourceFrom(o: {
  stdin: boolean;
  envFile?: string;
  keyring?: string | true;
  varName: string;
}): TokenSource {
  const given = [o.stdin, o.envFile !== undefined, o.keyring !== undefined].filter(Boolean).length;
  if (given > 1) throw new UsageError('Name one source of the token: --stdin, --env-file FILE or --keyring [NAME].');
  if (o.stdin) return { kind: 'stdin' };
  if (o.envFile !== undefined) return { kind: 'env-file', file: o.envFile, varName: o.varName };
  if (o.keyring !== undefined) return { kind: 'keyring', account: o.keyring === true ? 'default' : o.keyring };
  throw new UsageError('No token source: pipe it with --stdin, or use --env-file FILE or --keyring [NAME].');
}

export async function readToken(source: TokenSource): Promise<string> {
  let raw: string;
  switch (source.kind) {
    case 'stdin':
      raw = await readStdin();
      if (!raw) throw new UsageError('--stdin: nothing on standard input.');
      break;
    case 'env-file': {
      let text: string;
      try {
        text = readFileSync(source.file, 'utf8');
      } catch (e) {
        throw new UsageError(
          `--env-file: cannot read ${source.file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
        );
      }
      const v = parseEnv(text)[source.varName];
      if (!v) throw new UsageError(`--env-file: ${source.file} does not set ${source.varName}.`);
      raw = v;
      break;
    }
    case 'keyring':
      raw = await readKeyring(source.account);
      break;
    default: {
      const never: never = source;
      throw new Error(String(never));
    }
  }
  const cleaned = cleanTokenInput(raw);
  if (!cleaned.ok) throw new UsageError(cleaned.message);
  return cleaned.value;
}
